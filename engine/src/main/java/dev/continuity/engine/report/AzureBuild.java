package dev.continuity.engine.report;

import java.util.Map;

/**
 * The Azure Pipelines build a check runs in, read once from its predefined variables (TF_BUILD,
 * SYSTEM_*, BUILD_*): GitHub Advanced Security for Azure DevOps wants SARIF's automationDetails to
 * name it. Null outside Azure Pipelines.
 */
public record AzureBuild(String organization, String project, String definitionId, String definitionName, String phaseId,
                         String phaseName, String branch, String buildId) {

    /** The build from the environment, or null when not in Azure Pipelines (TF_BUILD unset) or a variable is missing. */
    public static AzureBuild fromEnvironment(Map<String, String> env) {
        if (!"true".equalsIgnoreCase(env.getOrDefault("TF_BUILD", ""))) return null;
        String collection = env.getOrDefault("SYSTEM_COLLECTIONURI", "").replaceAll("/+$", "");
        String org = collection.substring(collection.lastIndexOf('/') + 1);
        AzureBuild b = new AzureBuild(org, env.get("SYSTEM_TEAMPROJECT"), env.get("SYSTEM_DEFINITIONID"), env.get("BUILD_DEFINITIONNAME"),
                env.get("SYSTEM_PHASEID"), env.get("SYSTEM_PHASENAME"), env.get("BUILD_SOURCEBRANCHNAME"), env.get("BUILD_BUILDID"));
        return org.isEmpty() || b.project() == null || b.definitionId() == null || b.phaseId() == null || b.buildId() == null ? null : b;
    }

    /** SARIF automationDetails.id: azuredevops/pipeline/build/ORG/PROJECT/DEFINITION/PHASE/BRANCH/BUILD. */
    public String automationId() {
        return String.join("/", "azuredevops/pipeline/build", organization, project, definitionId, phaseId,
                branch == null ? "" : branch, buildId);
    }
}
