package dev.continuity.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.continuity.engine.eval.Check;
import dev.continuity.engine.eval.Result;
import dev.continuity.engine.model.Severity;
import dev.continuity.engine.report.ReportContext;
import dev.continuity.engine.report.Reporter;
import dev.continuity.engine.report.Reporters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every report format against a golden file (regenerate with -Dcontinuity.updateGolden=true and
 * review the diff), validity checks per format, and an inventory full of markup.
 */
class ReportsTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Result check(String dir) throws Exception {
        return new Check(List.of(Path.of(dir)), SamplesTest.AS_OF, List.of(), Set.of(), null).run(Path.of(""));
    }

    static byte[] render(String format, Result r) throws Exception {
        Reporter reporter = Reporters.get(format).orElseThrow().reporter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reporter.write(new ReportContext(r, Severity.LOW, false), out);
        return out.toByteArray();
    }

    static List<String> formats() {
        return Reporters.formats();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("formats")
    void eachFormatMatchesItsGoldenFileAndIsDeterministic(String format) throws Exception {
        Result r = check("northwind/continuity");
        byte[] first = render(format, r);
        assertThat(render(format, check("northwind/continuity"))).as("same input, same bytes").isEqualTo(first);
        Path golden = GOLDEN.resolve("continuity-report." + Reporters.get(format).orElseThrow().extension());
        if (Boolean.getBoolean("continuity.updateGolden")) Files.write(golden, first);
        assertThat(golden).as("golden file; regenerate with -Dcontinuity.updateGolden=true").exists();
        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(Files.readString(golden));
    }

    /** -f oscal: valid against NIST's OSCAL 1.1.2 assessment-results schema (shipped in test resources), stable across runs. */
    @Test
    void oscalIsValidAgainstTheOfficialSchemaAndStable() throws Exception {
        JsonSchema schema;
        try (var in = Files.newInputStream(Path.of("src/test/resources/oscal-ar-schema-1.1.2.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        Result r = check("northwind/continuity");
        byte[] first = render("oscal", r);
        assertThat(render("oscal", check("northwind/continuity"))).as("byte-identical across runs").isEqualTo(first);
        JsonNode doc = new ObjectMapper().readTree(first);
        assertThat(schema.validate(doc)).isEmpty();
        JsonNode result = doc.path("assessment-results").path("results").get(0);
        long open = r.findings().stream().filter(dev.continuity.engine.eval.Finding::isOpen).count();
        assertThat(result.path("findings").size()).isEqualTo((int) open);
        assertThat(result.path("risks").size()).isEqualTo((int) r.count(dev.continuity.engine.eval.Status.WAIVED));
        assertThat(result.path("reviewed-controls").toString()).contains("{\"control-id\":\"cp-9.1\"}");
        JsonNode dat001 = null;
        for (JsonNode f : result.path("findings")) if (f.path("title").asText().startsWith("DAT-001")) dat001 = f;
        assertThat(dat001.path("target").path("target-id").asText()).isEqualTo("cp-9_smt");
        JsonNode risk = result.path("risks").get(0);
        assertThat(risk.path("deadline").asText()).isEqualTo("2027-03-31T23:59:59Z");
        assertThat(risk.path("remediations").get(0).path("description").asText()).startsWith("Approved by ciso");
        for (String dir : List.of("northwind-compliant/continuity", "src/test/resources/markup")) {
            assertThat(schema.validate(new ObjectMapper().readTree(render("oscal", check(dir))))).as(dir).isEmpty();
        }
    }

    /** What GitHub code scanning needs to link and rank results (issue 12), on a valid SARIF document. */
    @Test
    void sarifIsReadyForGitHubCodeScanning() throws Exception {
        JsonSchema schema;
        try (var in = Files.newInputStream(Path.of("src/test/resources/sarif-schema-2.1.0.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        Path root = Path.of("").toAbsolutePath();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Reporters.get("sarif").orElseThrow().reporter().write(new ReportContext(check("northwind/continuity"),
                dev.continuity.engine.eval.Threshold.LOW, false, null, root), out);
        JsonNode sarif = new ObjectMapper().readTree(out.toByteArray());
        assertThat(schema.validate(sarif)).isEmpty();
        JsonNode run = sarif.path("runs").get(0);
        assertThat(run.path("automationDetails").path("id").asText()).isEqualTo("continuity/check/");
        assertThat(run.path("originalUriBaseIds").path("%SRCROOT%").path("uri").asText()).isEqualTo(root.toUri().toString());
        JsonNode location = run.path("results").get(0).path("locations").get(0).path("physicalLocation").path("artifactLocation");
        assertThat(location.path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(root.resolve(location.path("uri").asText())).as("resolves to a file").isRegularFile();
        for (JsonNode rule : run.path("tool").path("driver").path("rules")) {
            assertThat(rule.path("properties").path("tags").toString()).contains("\"security\"");
            assertThat(rule.path("properties").path("precision").asText()).isEqualTo("very-high");
            assertThat(rule.path("properties").path("security-severity").asText()).isNotEmpty();
            assertThat(rule.path("help").path("markdown").asText()).contains("**Remediation:**");
            if (!rule.path("properties").path("controls").isEmpty()) {
                assertThat(rule.path("help").path("text").asText()).contains("Controls: ");
                assertThat(rule.path("help").path("markdown").asText()).contains("**Controls:**");
            }
        }
    }

    @Test
    void sarifIsValidAgainstTheOfficialSchema() throws Exception {
        JsonSchema schema;
        try (var in = Files.newInputStream(Path.of("src/test/resources/sarif-schema-2.1.0.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        for (String dir : List.of("northwind/continuity", "northwind-compliant/continuity", "src/test/resources/markup")) {
            JsonNode sarif = new ObjectMapper().readTree(render("sarif", check(dir)));
            assertThat(schema.validate(sarif)).as(dir).isEmpty();
        }
        JsonNode sarif = new ObjectMapper().readTree(render("sarif", check("northwind/continuity")));
        JsonNode run = sarif.path("runs").get(0);
        assertThat(run.path("tool").path("driver").path("rules").size()).isEqualTo(dev.continuity.engine.eval.RulePack.builtIn().rules().size());
        JsonNode first = run.path("results").get(0);
        assertThat(first.path("ruleId").asText()).isEqualTo("DAT-001");
        assertThat(first.path("level").asText()).isEqualTo("error");
        assertThat(first.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText())
                .isEqualTo("northwind/continuity/services.yaml");
        // DAT-001 points at the rpo of the service (rules.md v2, "Where a finding points")
        assertThat(first.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt()).isEqualTo(46);
        assertThat(first.path("locations").get(0).path("physicalLocation").path("region").path("startColumn").asInt()).isEqualTo(1);
        assertThat(first.path("partialFingerprints").path("continuity/v1").asText()).hasSize(32);
        JsonNode waived = null;
        for (JsonNode res : run.path("results")) if (res.path("ruleId").asText().equals("NET-003")) waived = res;
        assertThat(waived.path("suppressions").get(0).path("kind").asText()).isEqualTo("inSource");
        assertThat(waived.path("suppressions").get(0).path("justification").asText()).contains("AS1299");
    }

    /** docs/reports.md describes every format of the registry. */
    @Test
    void everyFormatIsDocumented() throws Exception {
        String docs = Files.readString(Path.of("../docs/reports.md"));
        for (String f : Reporters.formats()) assertThat(docs).as(f).containsPattern("(?m)^## " + f + "\\b");
    }

    @Test
    void junitXmlParsesWithOneCasePerRuleAndSubject() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(render("junit", check("northwind/continuity"))));
        var root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        Result r = check("northwind/continuity");
        long open = r.findings().stream().filter(dev.continuity.engine.eval.Finding::isOpen).count();
        assertThat(root.getAttribute("failures")).isEqualTo(String.valueOf(open));
        assertThat(root.getAttribute("skipped")).isEqualTo(String.valueOf(r.findings().size() - open));
        // a case per finding, plus one passing case for each rule without findings (counts from the pack, never written here)
        var pack = dev.continuity.engine.eval.RulePack.builtIn().rules();
        long rulesWithFindings = r.findings().stream().map(f -> f.rule().id()).distinct().count();
        assertThat(root.getAttribute("tests")).isEqualTo(String.valueOf(r.findings().size() + pack.size() - rulesWithFindings));
        assertThat(doc.getElementsByTagName("testsuite").getLength())
                .isEqualTo((int) pack.stream().map(dev.continuity.engine.eval.RuleInfo::family).distinct().count());
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo((int) open);
    }

    @Test
    void markupInNamesIsEscapedInEveryFormat() throws Exception {
        Result r = check("src/test/resources/markup");
        String html = new String(render("html", r), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<script>", "<img src=x", "<b>Bold</b>", "<em>more</em>");
        assertThat(html).contains("&lt;script&gt;document.location", "ACME &lt;b&gt;Bold&lt;/b&gt; &amp; Sons");
        assertThat(html).doesNotContain("https://evil.example/'<");
        assertThat(html).contains("Content-Security-Policy", "default-src 'none'");
        assertThat(html).doesNotContainPattern("(?i)<(script|link|iframe|object|embed)\\b");
        assertThat(html).doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(render("junit", r)));
        new ObjectMapper().readTree(render("json", r));
        new ObjectMapper().readTree(render("sarif", r));
        String md = new String(render("markdown", r), StandardCharsets.UTF_8);
        // the scenario name is printed (EX-003's subject), in a code span, with the pipe escaped: the row keeps its 5 cells
        String row = md.lines().filter(l -> l.startsWith("| medium | EX-003")).findFirst().orElseThrow();
        assertThat(row).contains("`<script>alert(1)</script> *bold* _em_ \\| pipe 'tick'`");
        assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).as(row).isEqualTo(7);
        assertThat(md.replaceAll("`[^`]*`", "")).doesNotContain("<script>");
    }
}
