package dev.continuity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outputs in the clients users run them through (issue 12): the SARIF in Microsoft's SARIF
 * Multitool (its SARIF and GitHub Advanced Security rules: no error), and the inventory's JSON
 * Schema compiled by ajv in strict mode, validating the sample documents. The tools come from
 * tools/package.json ({@code npm ci --prefix tools}, which .ci/run does); without them the tests are
 * reported as skipped with what to run, and under CI=true they fail.
 */
class ExternalValidatorsIT {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path MULTITOOL = ROOT.resolve("tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");
    static final Path AJV = ROOT.resolve("tools/node_modules/ajv");
    static final String MISSING = "ExternalValidatorsIT skipped: the validators are not installed; run"
            + " 'npm ci --prefix tools --ignore-scripts && chmod u+x " + ROOT.relativize(MULTITOOL) + "' (.ci/run does)";
    static boolean present;

    @TempDir
    Path tmp;

    @BeforeAll
    static void tools() {
        present = Files.isExecutable(MULTITOOL) && Files.isDirectory(AJV);
        if (!present) {
            if ("true".equals(System.getenv("CI"))) throw new IllegalStateException("CI=true needs the validators: " + MISSING);
            System.err.println("[WARNING] " + MISSING);
        }
    }

    @BeforeEach
    void needsTheTools() {
        Assumptions.assumeTrue(present, MISSING);
    }

    record Out(int exit, String text) {
    }

    static Out exec(Path dir, List<String> cmd) throws Exception {
        Path log = Files.createTempFile("validator", ".log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("finished: " + cmd).isTrue();
        return new Out(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    void theSarifPassesSarifMultitoolWithTheGitHubRules() throws Exception {
        Path out = tmp.resolve("reports");
        // from the repository root, as CI runs it: every uri is relative to %SRCROOT%, the repository
        CliProcess.Run r = CliProcess.run(ROOT, tmp, List.of(), Map.of(), "check", "samples/northwind/continuity", "--as-of", "2026-11-22",
                "-f", "sarif", "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        Out v = exec(ROOT, List.of(MULTITOOL.toString(), "validate", "--rule-kind", "Sarif;Ghas", "--level", "Error;Warning",
                out.resolve("continuity-report.sarif").toString()));
        assertThat(v.exit()).as(v.text()).isZero();
        assertThat(v.text()).as(v.text()).contains("Analysis completed successfully").doesNotContain(": error ");
    }

    /** In Azure Pipelines (its predefined variables set), the SARIF also passes the GitHub Advanced Security for Azure DevOps rules. */
    @Test
    void theSarifPassesTheAzureDevOpsRulesInAnAzurePipeline() throws Exception {
        Path out = tmp.resolve("reports");
        Map<String, String> azure = Map.of("TF_BUILD", "True", "SYSTEM_COLLECTIONURI", "https://dev.azure.com/acme/",
                "SYSTEM_TEAMPROJECT", "ops", "SYSTEM_DEFINITIONID", "42", "BUILD_DEFINITIONNAME", "continuity",
                "SYSTEM_PHASEID", "3f1c1b2a-6c2d-4d7e-9a0b-5e6f7a8b9c0d", "SYSTEM_PHASENAME", "check", "BUILD_SOURCEBRANCHNAME", "main", "BUILD_BUILDID", "1234");
        CliProcess.Run r = CliProcess.run(ROOT, tmp, List.of(), azure, "check", "samples/northwind/continuity", "--as-of", "2026-11-22",
                "-f", "sarif", "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        Out v = exec(ROOT, List.of(MULTITOOL.toString(), "validate", "--rule-kind", "Sarif;Ado", "--level", "Error;Warning",
                out.resolve("continuity-report.sarif").toString()));
        assertThat(v.exit()).as(v.text()).isZero();
        assertThat(v.text()).as(v.text()).doesNotContain(": error ");
        assertThat(Files.readString(out.resolve("continuity-report.sarif"))).contains("azuredevops/pipeline/build/acme/ops/42/3f1c1b2a-6c2d-4d7e-9a0b-5e6f7a8b9c0d/main/1234");
    }

    @Test
    void ajvCompilesTheSchemaInStrictModeAndAgreesOnTheSamples() throws Exception {
        CliProcess.Run schema = CliProcess.run(ROOT, tmp, List.of(), Map.of(), "schema");
        Path schemaFile = Files.writeString(tmp.resolve("schema.json"), schema.out());
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()), json = new ObjectMapper();
        List<String> cmd = new ArrayList<>(List.of("node", ROOT.resolve("tools/ajv-compile.mjs").toString(), schemaFile.toString()));
        int n = 0;
        try (var files = Files.list(ROOT.resolve("samples/northwind/continuity"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                var it = yaml.readerFor(JsonNode.class).readValues(f.toFile());
                while (it.hasNext()) {
                    JsonNode doc = (JsonNode) it.next();
                    if (doc == null || doc.isNull()) continue;
                    Path d = tmp.resolve("doc-" + n++ + ".json");
                    json.writeValue(d.toFile(), doc);
                    cmd.add(d.toString());
                }
            }
        }
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"kind\": \"Site\", \"id\": \"dc\", \"type\": \"data-center\", \"region\": \"eu\"}");
        Out ok = exec(ROOT, cmd);
        assertThat(ok.exit()).as(ok.text()).isZero();
        assertThat(ok.text()).contains(n + " of " + n + " documents valid");
        cmd.add(bad.toString());
        Out refused = exec(ROOT, cmd);
        assertThat(refused.exit()).as(refused.text()).isEqualTo(1);
    }
}
