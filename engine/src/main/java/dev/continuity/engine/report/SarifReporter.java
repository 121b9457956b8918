package dev.continuity.engine.report;

import com.contrastsecurity.sarif.*;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.continuity.engine.Version;
import dev.continuity.engine.eval.Finding;
import dev.continuity.engine.eval.RuleInfo;
import dev.continuity.engine.eval.Status;
import dev.continuity.engine.model.Severity;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.*;

/**
 * SARIF 2.1.0 for code scanning (GitHub and others), built on the SARIF object model generated
 * from the official schema. One rule per finding rule, each result located at the finding's
 * document, with the finding's fingerprint as partial fingerprint; waived and baseline findings
 * carry a suppression.
 */
public final class SarifReporter implements Reporter {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    static final String FINGERPRINT_KEY = "continuity/v1";



    @Override
    public void write(ReportContext ctx, OutputStream out) throws IOException {
        JSON.writeValue(out, sarif(ctx));
        out.write('\n');
    }

    static SarifSchema210 sarif(ReportContext ctx) {
        List<Finding> findings = ctx.result().findings();
        SortedMap<String, RuleInfo> rules = new TreeMap<>();
        for (RuleInfo r : ctx.rules()) rules.put(r.id(), r);
        for (Finding f : findings) rules.put(f.rule().id(), f.rule());
        List<String> ruleIds = new ArrayList<>(rules.keySet());
        Set<ReportingDescriptor> descriptors = new LinkedHashSet<>();
        for (RuleInfo r : rules.values()) descriptors.add(descriptor(r));
        List<Result> results = new ArrayList<>();
        String fallbackFile = ctx.result().inventory().files().isEmpty() ? null : ctx.result().inventory().files().get(0);
        for (Finding f : findings) results.add(result(f, ruleIds.indexOf(f.rule().id()), fallbackFile, ctx.srcRoot() != null));
        ToolComponent driver = new ToolComponent()
                .withName(Version.NAME)
                .withFullName(Version.NAME + " " + Version.get() + " (business continuity policy as code)")
                .withVersion(Version.get())
                .withRules(descriptors);
        PropertyBag disclosed = new PropertyBag()
                .withAdditionalProperty("run", JsonReporter.JSON.valueToTree(JsonReporter.run(ctx)))
                .withAdditionalProperty("baseline", JsonReporter.JSON.valueToTree(JsonReporter.baseline(ctx.result().run())))
                .withAdditionalProperty("frameworks", JsonReporter.frameworks(ctx.result()))
                .withAdditionalProperty("coverage", JsonReporter.JSON.valueToTree(JsonReporter.coverage(ctx.result())))
                .withAdditionalProperty("inventory", JsonReporter.JSON.createObjectNode()
                        .put("sha256", ctx.result().inventory().sha256()).put("resources", ctx.result().inventory().size()));
        Run run = new Run().withTool(new Tool().withDriver(driver)).withResults(results)
                .withColumnKind(Run.ColumnKind.UNICODE_CODE_POINTS).withProperties(disclosed)
                // a stable category, so that code scanning keeps this tool's results apart from other analyses
                .withAutomationDetails(automation(ctx.azureBuild()));
        if (ctx.srcRoot() != null) {
            // relative paths start at %SRCROOT%, the top of the source tree (GitHub resolves them from the repository root)
            run.withOriginalUriBaseIds(new OriginalUriBaseIds().withAdditionalProperty(SRCROOT,
                    new ArtifactLocation().withUri(ctx.srcRoot().toUri().toASCIIString())));
        }
        return new SarifSchema210()
                .with$schema(URI.create("https://json.schemastore.org/sarif-2.1.0.json"))
                .withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(List.of(run));
    }

    /**
     * A path as a SARIF URI reference: relative paths stay relative, every character a URI cannot
     * hold (spaces, non-ASCII) is percent-encoded; an absolute path becomes a file: URI.
     */
    static String uri(String path) {
        try {
            if (path.startsWith("/")) return new URI("file", null, path, null).toASCIIString();
            return new URI(null, null, path, null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("cannot write " + path + " as a URI", e);
        }
    }

    private static ReportingDescriptor descriptor(RuleInfo r) {
        PropertyBag props = new PropertyBag()
                // GitHub ranks by security-severity only for rules tagged security
                .withTags(new LinkedHashSet<>(List.of("security", "continuity", r.family().toLowerCase(Locale.ROOT))))
                .withAdditionalProperty("precision", "very-high")
                .withAdditionalProperty("severity", r.severity().yaml())
                .withAdditionalProperty("controls", r.controls())
                .withAdditionalProperty("security-severity", securitySeverity(r.severity()));
        return new ReportingDescriptor()
                .withId(r.id())
                .withName(pascal(r.title()))
                .withShortDescription(new MultiformatMessageString().withText(r.title()))
                .withFullDescription(new MultiformatMessageString().withText(r.condition()))
                .withHelp(new MultiformatMessageString()
                        .withText(r.remediation() + " Why: " + r.rationale()
                                + (r.controls().isEmpty() ? "" : " Controls: " + String.join("; ", r.controls()) + "."))
                        .withMarkdown("**Remediation:** " + r.remediation() + "\n\n**Why it matters:** " + r.rationale()
                                + (r.controls().isEmpty() ? "" : "\n\n**Controls:** " + String.join("; ", r.controls()))))
                .withDefaultConfiguration(new ReportingConfiguration().withLevel(ReportingConfiguration.Level.fromValue(level(r.severity()))))
                .withProperties(props);
    }

    static final String SRCROOT = "%SRCROOT%";

    /** In Azure Pipelines, the build (GitHub Advanced Security for Azure DevOps wants it); elsewhere a stable category. */
    private static RunAutomationDetails automation(AzureBuild b) {
        if (b == null) return new RunAutomationDetails().withId("continuity/check/");
        String p = "azuredevops/pipeline/build/";
        return new RunAutomationDetails().withId(b.automationId()).withProperties(new PropertyBag()
                .withAdditionalProperty(p + "buildDefinitionId", b.definitionId())
                .withAdditionalProperty(p + "buildDefinitionName", b.definitionName())
                .withAdditionalProperty(p + "phaseId", b.phaseId())
                .withAdditionalProperty(p + "phaseName", b.phaseName()));
    }

    private static Result result(Finding f, int ruleIndex, String fallbackFile, boolean rooted) {
        Result r = new Result()
                .withRuleId(f.rule().id())
                .withRuleIndex(ruleIndex)
                .withLevel(Result.Level.fromValue(level(f.rule().severity())))
                .withMessage(new Message().withText(Finding.label(f.message(), f.detail())))
                .withPartialFingerprints(new PartialFingerprints().withAdditionalProperty(FINGERPRINT_KEY, f.fingerprint()));
        String file = f.location() != null ? f.location().file() : fallbackFile;
        if (file != null) {
            Region region = new Region().withStartLine(f.location() != null ? f.location().line() : 1);
            if (f.location() != null) region.withStartColumn(f.location().column());
            r.withLocations(List.of(new Location().withPhysicalLocation(new PhysicalLocation()
                    .withArtifactLocation(rooted && !file.startsWith("/") ? new ArtifactLocation().withUri(uri(file)).withUriBaseId(SRCROOT)
                            : new ArtifactLocation().withUri(uri(file)))
                    .withRegion(region))));
        }
        if (f.status() == Status.WAIVED) {
            r.withSuppressions(new LinkedHashSet<>(List.of(new Suppression()
                    .withKind(Suppression.Kind.IN_SOURCE)
                    .withStatus(Suppression.Status.ACCEPTED)
                    .withJustification(f.waiver().reason() + " (waiver " + f.waiver().id() + ", approved by "
                            + f.waiver().approvedBy() + ", expires " + f.waiver().expires() + ")"))));
        } else if (f.status() == Status.BASELINE) {
            r.withSuppressions(new LinkedHashSet<>(List.of(new Suppression()
                    .withKind(Suppression.Kind.EXTERNAL)
                    .withStatus(Suppression.Status.ACCEPTED)
                    .withJustification("recorded in the baseline"))));
        }
        return r;
    }

    /** critical and high: error; medium: warning; low: note (interfaces.md). */
    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "note";
        };
    }

    /** GitHub code scanning ranks by this CVSS-like score. */
    private static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "7.5";
            case MEDIUM -> "5.0";
            case LOW -> "2.0";
        };
    }

    /** "Single ISP" -> "SingleIsp": SARIF rule names are identifiers. */
    private static String pascal(String title) {
        StringBuilder sb = new StringBuilder();
        for (String w : title.split("[^A-Za-z0-9]+")) {
            if (w.isEmpty()) continue;
            sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1).toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }
}
