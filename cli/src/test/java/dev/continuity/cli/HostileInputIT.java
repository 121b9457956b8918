package dev.continuity.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and broken input (issue 10, interfaces.md v2 "Exit codes, strictly", inventory.md v2 "What
 * is an input error"): each case gives its documented exit code and a message that names the field,
 * never a stack trace, and nothing from the inventory forges output.
 */
class HostileInputIT {
    static final Path SAMPLES = Path.of("../samples").toAbsolutePath().normalize();
    static final String SAMPLE = SAMPLES.resolve("northwind-compliant/continuity").toString();

    @TempDir
    Path tmp;

    private CliProcess.Run run(String... args) throws Exception {
        return CliProcess.run(tmp, tmp, List.of(), Map.of(), args);
    }

    private Path inventory(String name, String yaml) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("inventory.yaml"), yaml);
        return dir;
    }

    private static void assertNoStackTrace(CliProcess.Run r) {
        assertThat(r.err()).doesNotContain("\tat ", "Exception", "java.");
    }

    @Test
    void unwritableOutputsAreUsageErrors() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        for (String out : List.of(file.toString(), "/dev/null", "/proc/continuity-reports")) {
            CliProcess.Run r = run("check", SAMPLE, "--as-of", "2026-11-22", "-f", "json", "-o", out);
            assertThat(r.exit()).as(out + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("continuity check: ");
            assertNoStackTrace(r);
        }
        CliProcess.Run baseline = run("check", SAMPLE, "--as-of", "2026-11-22", "--write-baseline", tmp.toString());
        assertThat(baseline.exit()).isEqualTo(2);
        assertThat(baseline.err()).contains("is a directory: name the baseline file");
    }

    @Test
    void aDurationTooLargeForDateArithmeticIsAnInputErrorAtItsField() throws Exception {
        Path inv = inventory("huge", "kind: Plan\nid: bcp\ntype: business-continuity\nversion: 1.0.0\nlastReviewed: 2026-01-01\n"
                + "reviewInterval: P999999999Y\n");
        CliProcess.Run r = run("check", inv.toString(), "--as-of", "2026-11-22");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("inventory.yaml:6:17: reviewInterval: 'P999999999Y' is too large to add to a date");
        assertNoStackTrace(r);
    }

    @Test
    void runningOutOfMemoryIsExit3WithOneLine() throws Exception {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 60_000; i++) many.append("---\nkind: Service\nid: s").append(i).append("\ncriticality: low\n");
        Path big = inventory("many", many.toString());
        // 32 MB: enough to start the JVM from the jar every time (12 MB sometimes was not), far too little for 60,000 services
        CliProcess.Run oom = CliProcess.run(tmp, tmp, List.of("-Xmx32m"), Map.of(), "check", big.toString(), "--as-of", "2026-11-22");
        assertThat(oom.exit()).as(oom.err()).isEqualTo(3);
        assertThat(oom.err().strip().lines()).hasSize(1).allMatch(l -> l.startsWith("continuity: internal error: out of memory"));
    }

    /** Out of stack, in-process: the same handler as out of memory (a real stack overflow needs an inventory too slow for a test). */
    @Test
    void runningOutOfStackIsExit3WithOneLine() {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Main.fatal(new java.io.PrintWriter(err), new StackOverflowError(), false);
        assertThat(code).isEqualTo(3);
        assertThat(err.toString().strip().lines()).hasSize(1).allMatch(l -> l.startsWith("continuity: internal error: out of stack"));
        java.io.StringWriter err2 = new java.io.StringWriter();
        Main.fatal(new java.io.PrintWriter(err2), new NoClassDefFoundError("Could not initialize class X"), false, null);
        assertThat(err2.toString()).startsWith("continuity: internal error: out of memory");
    }

    /**
     * A class the warm-up thread failed to initialise tells the main thread only "Could not
     * initialize class": the warm-up's own failure is named, whatever it was (here a jar replaced
     * while the JVM read it, as a build running beside a check does; or out of memory).
     */
    @Test
    void aClassTheWarmUpFailedToInitialiseIsReportedWithTheWarmUpsCause() {
        NoClassDefFoundError later = new NoClassDefFoundError("Could not initialize class dev.continuity.engine.eval.RulePack$BuiltIn");
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Main.fatal(new java.io.PrintWriter(err), later, false,
                new ExceptionInInitializerError(new java.util.zip.ZipException("invalid LOC header (bad signature)")));
        assertThat(code).isEqualTo(3);
        assertThat(err.toString().strip().lines()).containsExactly(
                "continuity: internal error: java.util.zip.ZipException: invalid LOC header (bad signature)");
        java.io.StringWriter err2 = new java.io.StringWriter();
        Main.fatal(new java.io.PrintWriter(err2), later, false, new OutOfMemoryError("Java heap space"));
        assertThat(err2.toString().strip().lines()).hasSize(1)
                .allMatch(l -> l.startsWith("continuity: internal error: out of memory (Java heap space); give the JVM more heap"));
        // whatever a message holds, the line stays one line without control characters
        java.io.StringWriter err3 = new java.io.StringWriter();
        Main.fatal(new java.io.PrintWriter(err3), new IllegalStateException("a\nb\u001b[2Jc"), false, null);
        assertThat(err3.toString().strip().lines()).containsExactly("continuity: internal error: java.lang.IllegalStateException: a\\nb\\x1b[2Jc");
    }

    @Test
    void controlAndBidiCharactersAreInputErrorsExceptTabAndNewlineInFreeText() throws Exception {
        Path inv = inventory("ctl", "kind: Site\nid: dc-1\ntype: datacenter\nname: \"Main\\e[2J\\e]0;pwned\\a\"\n"
                + "region: \"eu\\u202Ecentral\"\ndescription: \"line one\\n\\tline two\"\n"
                + "---\nkind: Person\nid: pat\nname: \"Pat\\u0085\"\n");
        CliProcess.Run r = run("check", inv.toString(), "--as-of", "2026-11-22");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("inventory.yaml:4:7: name: contains the control or bidirectional character U+001B",
                "inventory.yaml:5:9: region: contains the control or bidirectional character U+202E",
                "inventory.yaml:10:7: name: contains the control or bidirectional character U+0085", "3 input errors");
        assertThat(r.err()).doesNotContain("\u001b", "\u202e", ":6:");
    }

    @Test
    void aSymbolicLinkOutsideThePathsGivenIsNeverRead() throws Exception {
        Path inv = inventory("linked", "kind: Person\nid: pat\n");
        Path secret = Files.writeString(Files.createDirectories(tmp.resolve("elsewhere")).resolve("secret.yaml"),
                "kind: Person\nid: top-secret-content\nbogus: [root:x:0:0]\n");
        Files.createSymbolicLink(inv.resolve("zz.yaml"), secret);
        Files.createSymbolicLink(inv.resolve("passwd.yaml"), Path.of("/etc/passwd"));
        CliProcess.Run r = run("check", inv.toString(), "--as-of", "2026-11-22");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("zz.yaml: a symbolic link to a file outside the paths given; it was not read",
                "passwd.yaml: a symbolic link to a file outside the paths given");
        assertThat(r.err() + r.out()).doesNotContain("top-secret-content", "root:", "/etc/passwd", "elsewhere");
        // a link to a file inside the paths given is read
        Files.delete(inv.resolve("zz.yaml"));
        Files.delete(inv.resolve("passwd.yaml"));
        Files.writeString(inv.resolve("real.yaml.txt"), "kind: Person\nid: sam\n");
        Files.createSymbolicLink(inv.resolve("sam.yaml"), inv.resolve("real.yaml.txt"));
        CliProcess.Run ok = run("check", inv.toString(), "--as-of", "2026-11-22", "-f", "json");
        assertThat(ok.exit()).as(ok.err()).isIn(0, 1);
        assertThat(new ObjectMapper().readTree(ok.out()).path("inventory").path("resources").asInt()).isEqualTo(2);
    }

    @Test
    void yamlTagsLongScalarsAndBytesThatAreNotUtf8() throws Exception {
        Path tags = inventory("tags", "kind: Service\nid: web\ncriticality: !!str high\nsites: [!!null x]\n");
        CliProcess.Run t = run("check", tags.toString(), "--as-of", "2026-11-22");
        assertThat(t.exit()).isEqualTo(2);
        assertThat(t.err()).contains("inventory.yaml:3:14: YAML tags ('tag:yaml.org,2002:str') are not supported",
                "inventory.yaml:4:9: YAML tags ('tag:yaml.org,2002:null') are not supported");
        Path big = Files.createDirectories(tmp.resolve("big"));
        Files.writeString(big.resolve("inventory.yaml"), "kind: Person\nid: pat\nname: " + "x".repeat(8 * 1024 * 1024) + "\n");
        CliProcess.Run b = run("check", big.toString(), "--as-of", "2026-11-22");
        assertThat(b.exit()).isEqualTo(2);
        assertThat(b.err()).contains("inventory.yaml:3:1: a line longer than 66560 characters: a single value may hold at most 65536 characters");
        Path latin = Files.createDirectories(tmp.resolve("latin1"));
        Files.write(latin.resolve("inventory.yaml"), "kind: Site\nid: muc\ntype: office\nregion: M\u00fcnchen\n".getBytes(StandardCharsets.ISO_8859_1));
        CliProcess.Run l = run("check", latin.toString(), "--as-of", "2026-11-22");
        assertThat(l.exit()).isEqualTo(2);
        assertThat(l.err()).contains("inventory.yaml:4:10: not UTF-8 text: byte 0xfc").doesNotContain("MalformedInput");
    }

    @Test
    void standardOutputIsUtf8WhateverTheLocale() throws Exception {
        Path inv = inventory("utf8", "kind: Policy\nid: p\nrequiredScenarios: [münchen-flood]\n");
        CliProcess.Run r = CliProcess.run(tmp, tmp, List.of(), Map.of("LANG", "C", "LC_ALL", "C"), "check", inv.toString(),
                "--as-of", "2026-11-22", "-f", "json");
        assertThat(r.out()).contains("münchen");
        assertThat(new String(r.outBytes(), StandardCharsets.UTF_8)).isEqualTo(r.out()).doesNotContain("m?nchen");
    }

    @Test
    void numbersThatCannotBeACountOrABandwidth() throws Exception {
        Path inv = inventory("numbers", "kind: Policy\nid: p\nminInternetLinks: -1\n---\nkind: Site\nid: dc\ntype: datacenter\n"
                + "region: eu\nrequiredBandwidthMbps: 1e999\n---\nkind: Site\nid: dc2\ntype: datacenter\nregion: eu\nrequiredBandwidthMbps: -5.5\n");
        CliProcess.Run r = run("check", inv.toString(), "--as-of", "2026-11-22");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("inventory.yaml:3:19: minInternetLinks: '-1' is negative",
                "inventory.yaml:9:24: requiredBandwidthMbps: '1e999' is too large; expected a finite number",
                "inventory.yaml:15:24: requiredBandwidthMbps: '-5.5' is negative");
    }

    @Test
    void errorsNameTheFieldAndSayWhatIsValid() throws Exception {
        Path inv = inventory("fields", "kind: Service\nid: web\ncriticality: high\nrto: 4h\nrpo: 5 minutes\n"
                + "---\nkind: Plan\nid: bcp\ntype: business-continuity\nversion: 1.0.0\nlastReviewed: 2026-11-31\n"
                + "---\nkind: " + "K".repeat(300) + "\nid: x\n");
        CliProcess.Run r = run("check", inv.toString(), "--as-of", "2026-11-22");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("inventory.yaml:4:6: rto: '4h' is not an ISO-8601 duration; did you mean PT4H?",
                "inventory.yaml:5:6: rpo: '5 minutes' is not an ISO-8601 duration; did you mean PT5M?",
                "inventory.yaml:11:15: lastReviewed: '2026-11-31' is not a date: November 2026 has 30 days",
                "kind: unknown kind '" + "K".repeat(80) + "...' (300 characters)");
        // an absolute path is shown as it was given
        assertThat(r.err()).contains(inv.resolve("inventory.yaml").toString() + ":4:6:");
        CliProcess.Run date = run("check", SAMPLE, "--as-of", "22/11/2026");
        assertThat(date.exit()).isEqualTo(2);
        assertThat(date.err()).contains("'22/11/2026' is not a date: write YYYY-MM-DD").doesNotContain("java.time", "DateTimeParseException");
        CliProcess.Run none = run("check");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("pass the inventory's files or folders".substring(1), "continuity init");
    }

    @Test
    void leftoverTemporaryFilesOfKilledRunsDoNotAccumulate() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("reports"));
        Files.writeString(out.resolve(".continuity-report.json.999999999.tmp"), "{half");
        Files.writeString(out.resolve(".continuity-report.json.0b5e7f9e-1c1a-4d1e-9d0a-3f2b1c0d9e8f.tmp"), "{half");
        CliProcess.Run r = run("check", SAMPLE, "--as-of", "2026-11-22", "-f", "json", "-o", out.toString());
        assertThat(r.exit()).isZero();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("continuity-report.json");
        }
    }
}
