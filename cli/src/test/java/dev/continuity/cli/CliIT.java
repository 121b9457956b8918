package dev.continuity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the shaded jar as a separate process, as a user would. */
class CliIT {
    static final Path JAR = CliProcess.JAR;
    static final Path SAMPLES = Path.of("../samples").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    private Run run(Path workDir, String... args) throws IOException, InterruptedException {
        CliProcess.Run r = CliProcess.run(workDir, tmp, List.of(), java.util.Map.of(), args);
        return new Run(r.exit(), r.out(), r.err());
    }

    private Run run(String... args) throws IOException, InterruptedException {
        return run(SAMPLES, args);
    }

    @Test
    void theSampleFailsWithItsFindingsGroupedBySeverity() throws Exception {
        Run r = run("check", "northwind/continuity", "--as-of", "2026-11-22");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("CRITICAL (4)", "NET-002 Single ISP", "northwind/continuity/sites.yaml:1",
                "fix: Move one of the site's links", "WAIVED (1)", "✗ FAILED  25 open findings (4 critical, 13 high, 7 medium, 1 low), 1 waived");
        assertThat(r.out()).doesNotContain("\u001b[");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theCompliantSamplePasses() throws Exception {
        Run r = run("check", "northwind-compliant/continuity", "--as-of", "2026-11-22");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(0);
        assertThat(r.out()).matches("(?s)CHECKED\n  rules: (\\d+) of \\1 ran; fails on: low\n.*\n✓ PASSED  0 open findings.*");
    }

    @Test
    void theDefaultInventoryIsTheContinuityFolder() throws Exception {
        Run r = run(SAMPLES.resolve("northwind-compliant"), "check", "--as-of", "2026-11-22");
        assertThat(r.exit()).isEqualTo(0);
        Run missing = run(tmp, "check");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no continuity/ folder here", "continuity init");
    }

    @Test
    void failOnSetsTheThreshold() throws Exception {
        assertThat(run("check", "northwind/continuity", "--as-of", "2026-11-22", "--fail-on", "never").exit()).isEqualTo(0);
        assertThat(run("check", "northwind/continuity", "--as-of", "2026-11-22", "--fail-on", "CRITICAL").exit()).isEqualTo(1);
        assertThat(run("check", "northwind/continuity", "--as-of", "2026-11-22", "--fail-on", "critical",
                "--skip-rules", "NET-002,DAT-001,GEO-003").exit()).isEqualTo(0);
    }

    @Test
    void timingsReportWhereTheTimeWent() throws Exception {
        Run r = run("check", "northwind-compliant/continuity", "--as-of", "2026-11-22", "--timings");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.err()).matches("(?s)timings: load \\d+ ms \\(57 resources\\), derive \\d+ ms, rules \\d+ ms, report \\d+ ms; JVM up \\d+ ms\\s*");
        assertThat(r.out()).contains("\n✓ PASSED");
    }

    @Test
    void jsonIsStableAndByteIdenticalAcrossRuns() throws Exception {
        Run a = run("check", "northwind/continuity", "--as-of", "2026-11-22", "-f", "json");
        Run b = run("check", "northwind/continuity", "--as-of", "2026-11-22", "--format=json");
        assertThat(a.exit()).isEqualTo(1);
        assertThat(a.out()).isEqualTo(b.out());
        JsonNode j = new ObjectMapper().readTree(a.out());
        assertThat(j.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(j.path("asOf").asText()).isEqualTo("2026-11-22");
        assertThat(j.path("summary").path("critical").asInt()).isEqualTo(4);
        assertThat(j.path("summary").path("waived").asInt()).isEqualTo(1);
        assertThat(j.path("summary").path("failed").asBoolean()).isTrue();
        JsonNode first = j.path("findings").get(0);
        assertThat(first.path("rule").asText()).isEqualTo("DAT-001");
        assertThat(first.path("detail").asText()).isEqualTo("billing-db");
        assertThat(first.path("location").path("file").asText()).isEqualTo("northwind/continuity/services.yaml");
        assertThat(first.path("fingerprint").asText()).hasSize(32);
        assertThat(j.path("inventory").path("files").get(0).asText()).isEqualTo("northwind/continuity/data.yaml");
    }

    @Test
    void outputDirectoryGetsOneFilePerFormat() throws Exception {
        Path outDir = tmp.resolve("reports");
        Run r = run("check", "northwind/continuity", "--as-of", "2026-11-22", "-f", "json,text", "-o", outDir.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(outDir.resolve("continuity-report.json")).isRegularFile();
        assertThat(outDir.resolve("continuity-report.txt")).content().contains("NET-002");
        assertThat(r.out()).startsWith("✗ FAILED");
        try (var files = Files.list(outDir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("continuity-report.json", "continuity-report.txt");
        }
    }

    @Test
    void inputErrorsAreAllListedWithExitCode2AndNoStackTrace() throws Exception {
        Path inv = tmp.resolve("inv");
        Files.createDirectories(inv);
        Files.writeString(inv.resolve("a.yaml"), "kind: Site\nid: dc-1\ntype: data-center\nregion: eu\n---\nkind: Service\nid: web\ncriticality: high\nsites: [dc-2]\n");
        Files.writeString(inv.resolve("b.yaml"), "kind: Vendor\nid: v\ntype: isp\nfoo: [\n");
        Run r = run(tmp, "check", "inv");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("inv/a.yaml:3:7: type: 'data-center' is not a valid type",
                "inv/a.yaml:9:9: sites[0]: unknown Site 'dc-2' (did you mean 'dc-1'?)", "inv/b.yaml:5:1: not valid YAML", "3 input errors");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void usageErrorsExitWith2() throws Exception {
        assertThat(run("check", "--fail-on", "sometimes").exit()).isEqualTo(2);
        assertThat(run("check", "--as-of", "yesterday").exit()).isEqualTo(2);
        Run format = run("check", "northwind/continuity", "-f", "pdf");
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("unknown format 'pdf'");
        Run skip = run("check", "northwind/continuity", "--skip-rules", "NET-999");
        assertThat(skip.exit()).isEqualTo(2);
        assertThat(skip.err()).contains("unknown rule 'NET-999'");
        assertThat(run("nonsense").exit()).isEqualTo(2);
    }

    @Test
    void theReadmeShowsTheRealOutputOfTheSampleCheck() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String readme = Files.readString(root.resolve("README.md"));
        String command = "$ ./continuity check samples/northwind/continuity --as-of 2026-11-22\n";
        int start = readme.indexOf(command);
        assertThat(start).as("README shows the sample check").isPositive();
        String shown = readme.substring(start + command.length(), readme.indexOf("```", start));
        Run r = run(root, "check", "samples/northwind/continuity", "--as-of", "2026-11-22");
        assertThat(r.out()).isEqualTo(shown);
    }

    @Test
    void customRulesJoinTheBuiltInOnes() throws Exception {
        Run r = run("check", "northwind-compliant/continuity", "--as-of", "2026-11-22", "--rules", "custom-rules", "-f", "json");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("findings").size()).isEqualTo(3);
        assertThat(j.path("findings").get(0).path("rule").asText()).isEqualTo("ORG-001");
        assertThat(j.path("findings").get(0).path("controls").get(0).asText()).isEqualTo("ISO 5.3");
        Path bad = tmp.resolve("bad.drl");
        Files.writeString(bad, "package x;\nimport dev.continuity.engine.model.*;\nglobal dev.continuity.engine.eval.Findings findings;\n"
                + "rule \"A\"\n  @id(\"NET-001\") @severity(\"low\") @title(\"t\") @controls(\"\") @condition(\"c\") @rationale(\"r\") @remediation(\"x\")\n"
                + "when\n  $s : Service()\nthen\n  findings.report(drools, $s);\nend\n"
                + "rule \"B\"\nwhen\n  Foo( bar == \nthen\nend\n");
        Run broken = run("check", "northwind-compliant/continuity", "--rules", bad.toString());
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err()).contains("bad.drl:15:1: rule file:").doesNotContain("null Package", "Exception");
    }

    @Test
    void aBaselineSurvivesMovedLines() throws Exception {
        Path inv = tmp.resolve("inv");
        CliIT.copy(SAMPLES.resolve("northwind/continuity"), inv);
        Path base = tmp.resolve("baseline.json");
        Run first = run(tmp, "check", "inv", "--as-of", "2026-11-22", "--write-baseline", base.toString());
        assertThat(first.exit()).isEqualTo(1);
        assertThat(first.err()).contains("wrote 25 findings to the baseline");
        for (String f : List.of("services.yaml", "data.yaml", "sites.yaml", "plans.yaml")) {
            Path p = inv.resolve(f);
            Files.writeString(p, "# moved down by an edit\n\n\n" + Files.readString(p));
        }
        Run again = run(tmp, "check", "inv", "--as-of", "2026-11-22", "--baseline", base.toString(), "-f", "json");
        assertThat(again.exit()).isEqualTo(0);
        JsonNode j = new ObjectMapper().readTree(again.out());
        assertThat(j.path("summary").path("baseline").asInt()).isEqualTo(25);
        // DAT-001 billing points at the rpo of the service, line 46 of services.yaml: 3 lines later now
        assertThat(j.path("findings").get(0).path("location").path("line").asInt()).isEqualTo(46 + 3);
        Run missing = run(tmp, "check", "inv", "--baseline", "nope.json");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.json: cannot read baseline: no such file");
    }

    static void copy(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    @Test
    void initWritesAStarterThatPasses() throws Exception {
        Run init = run(tmp, "init");
        assertThat(init.exit()).isEqualTo(0);
        assertThat(init.out()).contains("wrote continuity/inventory.yaml");
        Run check = run(tmp, "check");
        assertThat(check.exit()).as(check.out() + check.err()).isEqualTo(0);
        assertThat(check.out()).contains("✓ PASSED  0 open findings");
        Run again = run(tmp, "init");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("already holds an inventory");
    }

    @Test
    void impactAnswersWhatIfQuestions() throws Exception {
        Run r = run("impact", "northwind/continuity", "--fail", "site:fra-dc1");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("With site:fra-dc1 failed: 2 services go down", "high     billing", "medium   reporting",
                "because billing -> billing-db -> site:fra-dc1");
        assertThat(run("impact", "northwind/continuity", "--fail", "zone:dublin").out()).contains("With zone:dublin failed: every service stays up");
        Run spof = run("impact", "northwind/continuity", "--fail", "vendor:aws", "-f", "json");
        assertThat(new ObjectMapper().readTree(spof.out()).path("down").size()).isZero();
        Run bad = run("impact", "northwind/continuity", "--fail", "rack:7");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("'rack:7' is not a failure domain");
    }

    @Test
    void impactFailsRepeatedDomainsTogetherAndSaysWhy() throws Exception {
        Run alone = run("impact", "northwind/continuity", "--fail", "zone:dublin", "-f", "json");
        assertThat(new ObjectMapper().readTree(alone.out()).path("down").size()).isZero();
        Run together = run("impact", "northwind/continuity", "--fail", "site:fra-dc1", "--fail", "zone:dublin", "-f", "json");
        assertThat(together.exit()).isEqualTo(0);
        JsonNode j = new ObjectMapper().readTree(together.out());
        assertThat(j.path("failed").toString()).isEqualTo("[\"site:fra-dc1\",\"zone:dublin\"]");
        assertThat(j.path("down").get(0).path("id").asText()).isEqualTo("customer-portal");
        assertThat(j.path("down").get(0).path("because").toString()).isEqualTo("[\"customer-portal\",\"portal-db\",\"aws-eu-west-1\",\"zone:dublin\"]");
        assertThat(j.path("down").get(1).path("because").toString()).isEqualTo("[\"billing\",\"billing-db\",\"site:fra-dc1\"]");
        // and the recovery time the design can prove for every service, with what limits it (rules.md v2 rec(S))
        assertThat(j.path("recovery").toString()).contains("{\"service\":\"billing\",\"time\":\"P3D\",\"limitedBy\":\"billing\"}",
                "{\"service\":\"email\",\"time\":\"P1D\",\"limitedBy\":\"m365\"}");
        assertThat(run("impact", "northwind/continuity", "--fail", "site:fra-dc1").out())
                .contains("Recovery time the design can prove (rec)", "email                   P1D      limited by m365");
    }

    @Test
    void impactNamesIgnoreCase() throws Exception {
        Run upper = run("impact", "northwind/continuity", "--fail", "upstream:AS3320");
        Run lower = run("impact", "northwind/continuity", "--fail", "upstream:as3320");
        assertThat(upper.exit()).isZero();
        assertThat(upper.out()).isEqualTo(lower.out()).contains("With upstream:as3320 failed: 2 services go down");
    }

    @Test
    void impactRefusesDomainsTheInventoryDoesNotHave() throws Exception {
        Run none = run("impact", "northwind/continuity", "--fail", "site:fra-dc2");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).contains("'site:fra-dc2' names no site of the inventory (did you mean 'site:fra-dc1'?)");
        Run wrongKind = run("impact", "northwind/continuity", "--fail", "site:isp-telekom");
        assertThat(wrongKind.exit()).isEqualTo(2);
        assertThat(wrongKind.err()).contains("isp-telekom is a vendor; did you mean vendor:isp-telekom?");
    }

    /** A custom rule that ends the JVM, never stops, spins or throws fails the check with exit 2, naming file and rule. */
    @Test
    void customRulesCannotFakeAVerdict() throws Exception {
        String head = "package custom;\nimport dev.continuity.engine.model.*;\nglobal dev.continuity.engine.eval.Findings findings;\n"
                + "declare Tick\n    n : int\nend\n";
        String meta = " @severity(\"low\") @title(\"t\") @controls(\"\") @condition(\"c\") @rationale(\"r\") @remediation(\"m\")\n";
        Files.writeString(tmp.resolve("exit.drl"), head + "rule \"quit\"\n @id(\"X-001\")" + meta
                + "when\n    Service()\nthen\n    System.exit(0);\nend\n");
        Files.writeString(tmp.resolve("loop.drl"), head + "rule \"tick\"\n @id(\"X-002\")" + meta
                + "when\n    $t : Tick()\nthen\n    insert(new Tick($t.getN() + 1));\nend\n"
                + "rule \"start\"\n @id(\"X-003\")" + meta + "when\n    Service()\nthen\n    insert(new Tick(0));\nend\n");
        Files.writeString(tmp.resolve("spin.drl"), head + "rule \"spin\"\n @id(\"X-004\")" + meta
                + "when\n    Service()\nthen\n    while (true) { }\nend\n");
        Files.writeString(tmp.resolve("throw.drl"), head + "rule \"boom\"\n @id(\"X-005\")" + meta
                + "when\n    $s : Service()\nthen\n    throw new IllegalStateException(\"boom\");\nend\n");
        String inv = SAMPLES.resolve("northwind-compliant/continuity").toString();
        Run exit = run(tmp, "check", inv, "--as-of", "2026-11-22", "--rules", "exit.drl");
        assertThat(exit.exit()).isEqualTo(2);
        assertThat(exit.err()).contains("exit.drl:7:1: rule 'quit' (X-001) ended the JVM (System.exit)");
        Run loop = run(tmp, "check", inv, "--as-of", "2026-11-22", "--rules", "loop.drl", "--rule-fire-limit", "500");
        assertThat(loop.exit()).isEqualTo(2);
        assertThat(loop.err()).contains("loop.drl:7:1: rule 'tick' (X-002) fired more than 500 times");
        Run spin = run(tmp, "check", inv, "--as-of", "2026-11-22", "--rules", "spin.drl", "--rule-time-limit", "2");
        assertThat(spin.exit()).isEqualTo(2);
        assertThat(spin.err()).contains("spin.drl:7:1: rule 'spin' (X-004) ran longer than 2 s");
        Run boom = run(tmp, "check", inv, "--as-of", "2026-11-22", "--rules", "throw.drl");
        assertThat(boom.exit()).isEqualTo(2);
        assertThat(boom.err()).contains("throw.drl:7:1: rule 'boom' (X-005) threw IllegalStateException: boom").doesNotContain("\tat ");
    }

    @Test
    void verifyRunsRuleTests() throws Exception {
        Run ok = run(Path.of("..").toAbsolutePath().normalize(), "verify", "rules/src/test/resources/rule-tests/NET-002");
        assertThat(ok.exit()).as(ok.out() + ok.err()).isEqualTo(0);
        assertThat(ok.out()).contains("near-miss: ok", "2 passed, 0 failed");
        Path test = tmp.resolve("tests/one");
        Files.createDirectories(test);
        Files.writeString(test.resolve("inventory.yaml"), "kind: Service\nid: web\ncriticality: critical\n");
        Files.writeString(test.resolve("expected.yaml"), "asOf: 2026-01-01\nonly: [SVC-001, SEC-002]\nfindings:\n  - {rule: SVC-001, subject: web}\n");
        Path custom = tmp.resolve("custom/one");
        Files.createDirectories(custom);
        Files.writeString(custom.resolve("inventory.yaml"), "kind: Service\nid: web\ncriticality: critical\n");
        Files.writeString(custom.resolve("expected.yaml"), "asOf: 2026-01-01\nonly: [ORG-001]\nfindings:\n  - {rule: ORG-001, subject: web}\n");
        Run withRules = run(tmp, "verify", "custom", "--rules", SAMPLES.resolve("custom-rules").toString());
        assertThat(withRules.exit()).as(withRules.out() + withRules.err()).isEqualTo(0);
        assertThat(withRules.out()).contains("1 passed, 0 failed");
        Run failing = run(tmp, "verify", "tests");
        assertThat(failing.exit()).isEqualTo(1);
        assertThat(failing.out()).contains("FAILED", "unexpected: SEC-002 web", "0 passed, 1 failed");
    }

    @Test
    void noDrlIsCompiledAtStartUp() throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-verbose:class",
                "-jar", JAR.toString(), "check", "northwind/continuity", "--as-of", "2026-11-22");
        Process p = new ProcessBuilder(cmd).directory(SAMPLES.toFile()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isEqualTo(1);
        assertThat(log).contains("dev.continuity.rules.Rules"); // the precompiled executable model
        assertThat(log).doesNotContain("org.drools.drl.parser.DrlParser", "org.drools.model.codegen", "org.drools.mvel.MVELDialect");
    }

    @Test
    void helpVersionRulesExplainAndSchema() throws Exception {
        Run help = run("check", "--help");
        assertThat(help.exit()).isEqualTo(0);
        assertThat(help.out()).contains("--fail-on", "--as-of", "--format", "Exit codes");
        assertThat(run("--version").out()).startsWith("continuity ");
        assertThat(run("rules").out()).contains("NET-002  critical Single ISP");
        JsonNode rules = new ObjectMapper().readTree(run("rules", "--format", "json").out());
        assertThat(rules.get(0).path("id").asText()).isNotEmpty();
        Run explain = run("explain", "net-002");
        assertThat(explain.out()).contains("NET-002  Single ISP  (critical)", "NIST SP 800-53 Rev. 5 CP-8(3)");
        assertThat(run("explain", "XYZ-001").exit()).isEqualTo(2);
        JsonNode schema = new ObjectMapper().readTree(run("schema").out());
        assertThat(schema.path("$defs").has("InternetLink")).isTrue();
    }

    /** --link-base (and GitHub Actions' environment) links each Markdown finding to its file and line. */
    @Test
    void markdownLinksFindingsToTheirFileAndLine() throws Exception {
        Run given = run("check", "northwind/continuity", "--as-of", "2026-11-22", "-f", "markdown", "--link-base", "https://example.org/n/blob/abc/");
        assertThat(given.out()).contains("[`northwind/continuity/services.yaml:46:1`](https://example.org/n/blob/abc/northwind/continuity/services.yaml#L46)");
        CliProcess.Run env = CliProcess.run(SAMPLES, tmp, List.of(), java.util.Map.of("GITHUB_SERVER_URL", "https://github.com",
                "GITHUB_REPOSITORY", "acme/ops", "GITHUB_SHA", "0123abc"), "check", "northwind/continuity", "--as-of", "2026-11-22", "-f", "markdown");
        assertThat(env.out()).contains("(https://github.com/acme/ops/blob/0123abc/northwind/continuity/services.yaml#L46)");
        Run plain = run("check", "northwind/continuity", "--as-of", "2026-11-22", "-f", "markdown");
        assertThat(plain.out()).doesNotContain("](http");
    }

    /** -f github annotates findings, and input errors too. */
    @Test
    void githubAnnotationsForFindingsAndInputErrors() throws Exception {
        Run r = run("check", "northwind/continuity", "--as-of", "2026-11-22", "-f", "github");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("::error file=northwind/continuity/services.yaml,line=46,col=1,title=DAT-001 RPO not achievable::");
        Path inv = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(inv.resolve("a.yaml"), "kind: Site\nid: dc\ntype: data-center\nregion: eu\n");
        Run broken = run(tmp, "check", "broken", "-f", "github");
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.out()).startsWith("::error file=broken/a.yaml,line=3,col=7,title=continuity input error::type%3A 'data-center'".replace("%3A", ":"));
    }

    /** continuity diff: new, fixed and unchanged by fingerprint; exit 1 on a new open finding at or above --fail-on. */
    @Test
    void diffComparesTwoReports() throws Exception {
        Path inv = tmp.resolve("inv");
        try (var files = Files.walk(SAMPLES.resolve("northwind/continuity"))) {
            for (Path f : files.toList()) {
                Path to = inv.resolve(SAMPLES.resolve("northwind/continuity").relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        Run before = run(tmp, "check", "inv", "--as-of", "2026-11-22", "-f", "json");
        Files.writeString(tmp.resolve("old.json"), before.out());
        // fix the unencrypted backup (DAT-007 goes), drop the runbook of the TMS (PLN-005 comes)
        Path data = inv.resolve("data.yaml");
        Files.writeString(data, Files.readString(data).replace("site: fra-dc1, medium: disk}", "site: fra-dc1, medium: disk, encrypted: true}"));
        Path plans = inv.resolve("plans.yaml");
        String p = Files.readString(plans);
        Files.writeString(plans, p.replaceFirst("(?m)^  - \\{service: tms,[^\\n]*\\n", ""));
        Run after = run(tmp, "check", "inv", "--as-of", "2026-11-22", "-f", "json");
        Files.writeString(tmp.resolve("new.json"), after.out());
        Run diff = run(tmp, "diff", "old.json", "new.json", "-f", "json");
        JsonNode j = new ObjectMapper().readTree(diff.out());
        assertThat(j.path("fixed").size()).isEqualTo(1);
        assertThat(j.path("fixed").get(0).path("rule").asText()).isEqualTo("DAT-007");
        assertThat(j.path("new").size()).isEqualTo(1);
        assertThat(j.path("new").get(0).path("rule").asText()).isEqualTo("PLN-005");
        assertThat(j.path("unchanged").size()).isEqualTo(new ObjectMapper().readTree(before.out()).path("findings").size() - 1);
        assertThat(diff.exit()).isEqualTo(1);
        assertThat(run(tmp, "diff", "old.json", "new.json", "--fail-on", "high").exit()).isZero(); // PLN-005 is medium
        Run text = run(tmp, "diff", "old.json", "new.json");
        assertThat(text.out()).contains("NEW (1)", "PLN-005", "FIXED (1)", "DAT-007", "1 new (1 open at or above low), 1 fixed");
        Run bad = run(tmp, "diff", "old.json", "inv/data.yaml");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("inv/data.yaml: not a JSON report").doesNotContain("\tat ");
    }

    /** check --framework dora runs only DORA-mapped rules and lists coverage per article; rules --framework lists them. */
    @Test
    void frameworksSelectRulesAndReportCoverage() throws Exception {
        Run r = run("check", "northwind/continuity", "--as-of", "2026-11-22", "--framework", "dora", "-f", "json");
        assertThat(r.exit()).isEqualTo(1);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("frameworks").toString()).isEqualTo("[\"dora\"]");
        assertThat(j.path("coverage").size()).isPositive();
        for (JsonNode c : j.path("coverage")) {
            assertThat(c.path("requirement").asText()).startsWith("DORA ");
            assertThat(c.path("state").asText()).isIn("pass", "fail", "waived");
        }
        assertThat(j.path("run").path("rules").path("skipped").toString()).contains("not mapped to dora");
        Run rules = run("rules", "--framework", "nis2");
        assertThat(rules.out()).contains("DAT-009").doesNotContain("PPL-002");
        Run bad = run("check", "northwind/continuity", "--framework", "hipaa");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown framework 'hipaa'; expected one of: dora, nis2, soc2, uk, iso22301, nist-800-53, csf, ffiec");
    }

    /** check --watch: re-checks on change and prints new and fixed findings, then the summary; input errors do not end it. */
    @Test
    void watchRechecksWhenTheInventoryChanges() throws Exception {
        Path inv = Files.createDirectories(tmp.resolve("watched"));
        Path file = inv.resolve("inventory.yaml");
        Files.writeString(file, "kind: Policy\nid: p\nrequiredScenarios: [flood]\n");
        Files.writeString(inv.resolve("people.yaml"), "kind: Person\nid: pat\nname: Pat\n"); // never changes
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                "check", inv.toString(), "--as-of", "2026-11-22", "--watch", "--timings").redirectErrorStream(true).start();
        // the watch's lines, read on a thread of their own: a wait ends after its minute even when the watch prints nothing more
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reading = new Thread(() -> {
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) lines.add(line);
            } catch (IOException e) {
                // the process ended
            }
        });
        reading.setDaemon(true);
        reading.start();
        try {
            StringBuilder seen = new StringBuilder();
            java.util.function.Predicate<String> waitFor = text -> {
                long end = System.currentTimeMillis() + 60_000;
                try {
                    for (String line; (line = lines.poll(Math.max(1, end - System.currentTimeMillis()), java.util.concurrent.TimeUnit.MILLISECONDS)) != null; ) {
                        seen.append(line).append('\n');
                        if (line.contains(text)) return true;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            };
            assertThat(waitFor.test("for changes (Ctrl-C to stop)")).as(seen.toString()).isTrue();
            Files.writeString(file, "kind: Policy\nid: p\nrequiredScenarios: [flood, fire]\n");
            assertThat(waitFor.test("✗ FAILED")).as(seen.toString()).isTrue();
            assertThat(seen.toString()).contains("+ medium EX-003 Scenario not exercised  fire");
            // with --timings, each re-check says what the files kept in memory since the first check served: the one that did not change
            assertThat(waitFor.test("cache: documents of 1 of 2 files from the cache")).as(seen.toString()).isTrue();
            Files.writeString(file, "kind: Policy\nid: p\nrequiredScenarios: [flood, fire\n");
            assertThat(waitFor.test("still watching")).as(seen.toString()).isTrue();
            Files.writeString(file, "kind: Policy\nid: p\nrequiredScenarios: [flood]\n");
            assertThat(waitFor.test("✗ FAILED")).as(seen.toString()).isTrue();
            // compared with the last good check (flood and fire): fire is fixed
            assertThat(seen.toString()).contains("- fixed EX-003 fire");
            assertThat(waitFor.test("cache: documents of 1 of 2 files from the cache")).as(seen.toString()).isTrue();
            assertThat(seen.toString()).containsPattern("(?m)^timings: load \\d+ ms \\(2 resources\\)");
        } finally {
            p.destroy();
            p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
