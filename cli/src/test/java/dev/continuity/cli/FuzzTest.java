package dev.continuity.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A seeded mutation fuzzer over the sample inventories (issue 10): every case must end in one of
 * two ways, exit 0 or 1 with valid JSON, or exit 2 with every error located and no stack trace.
 * Exit 3 (our bug) and any escaping Throwable fail the test, naming the seed and the case so that
 * it can be replayed and added to the corpus. Runs in-process through {@link Main#run}, warm.
 * {@code -Dcontinuity.fuzz.cases=N} and {@code -Dcontinuity.fuzz.seed=S} change the run.
 */
class FuzzTest {
    static final Path SAMPLES = Path.of("../samples").toAbsolutePath().normalize();
    static final Path CORPUS = Path.of("src/test/resources/corpus");
    static final ObjectMapper JSON = new ObjectMapper();
    /** An input error line: path:line:column: [field: ]message, or path: message for a whole file. */
    static final Pattern LOCATED = Pattern.compile("^[^:\\s][^:]*(:\\d+:\\d+)?: .+$");
    static final String[] TOKENS = {"-1", "1e999", ".inf", ".nan", "!!null", "!!str x", "!Foo", "&a x", "*a", "P999999999Y", "PT",
            "2026-02-30", "2026-13-01", "~", "[]", "{}", "null", "yes", "0123", "1_000", "\"\\u202e\"", "\"\\e[2J\"", "\"a\\nb\"",
            "'", "\"", ":", "- ", "? ", "|", ">", "#", "\t", "x".repeat(300), "kind: Service", "id: web", "dependsOn: [web]",
            "---", "...", "%YAML 1.2", "\u00fc", "\u0000", "\u0085", "\ud83d\ude00", "@octocat", "<script>", "]]>", "&amp;"};

    record Case(String name, Path dir) {
    }

    @Test
    void theCorpusGivesItsDocumentedOutcome() throws Exception {
        for (String line : Files.readAllLines(CORPUS.resolve("expected.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            Outcome o = check(CORPUS.resolve(f[0]));
            assertThat(o.exit).as(f[0] + ": " + o.err).isEqualTo(Integer.parseInt(f[1]));
            assertThat(o.err).as(f[0]).contains(f[2]);
            assertWellFormed(f[0], o);
        }
    }

    @Test
    void mutatedSampleInventoriesNeverCrash(@TempDir Path tmp) throws Exception {
        long seed = Long.getLong("continuity.fuzz.seed", 20261122L);
        int cases = Integer.getInteger("continuity.fuzz.cases", 2000);
        Random random = new Random(seed);
        List<Path> sources = new ArrayList<>();
        for (String sample : List.of("northwind/continuity", "northwind-compliant/continuity")) {
            try (Stream<Path> s = Files.list(SAMPLES.resolve(sample))) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(sources::add);
            }
        }
        try (Stream<Path> s = Files.list(CORPUS)) {
            s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(sources::add);
        }
        Map<Integer, Integer> exits = new TreeMap<>();
        for (int i = 0; i < cases; i++) {
            Path src = sources.get(random.nextInt(sources.size()));
            String text = Files.readString(src, StandardCharsets.ISO_8859_1);
            int mutations = 1 + random.nextInt(2);
            for (int m = 0; m < mutations; m++) text = mutate(text, random);
            Path dir = Files.createDirectories(tmp.resolve("case-" + i));
            // the mutated file among the rest of its inventory, so that references still resolve
            if (!src.getParent().equals(CORPUS)) {
                try (Stream<Path> s = Files.walk(src.getParent())) {
                    for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.equals(src)).toList()) {
                        Path to = dir.resolve(src.getParent().relativize(p).toString());
                        Files.createDirectories(to.getParent());
                        Files.copy(p, to);
                    }
                }
            }
            Files.write(dir.resolve(src.getFileName()), text.getBytes(StandardCharsets.ISO_8859_1));
            Outcome o;
            try {
                o = check(dir);
            } catch (Throwable t) {
                fail("case " + i + " (seed " + seed + ", mutated " + src.getFileName() + " in " + dir + ") threw " + t, t);
                return;
            }
            exits.merge(o.exit, 1, Integer::sum);
            assertWellFormed("case " + i + " (seed " + seed + ", mutated " + src.getFileName() + ", kept in " + dir + ")", o);
            if (o.exit != 3) deleteTree(dir);
        }
        // the mutations must reach both outcomes, or the fuzzer tests nothing
        assertThat(exits.getOrDefault(2, 0)).as("cases with input errors " + exits).isGreaterThan(cases / 10);
        assertThat(exits.getOrDefault(0, 0) + exits.getOrDefault(1, 0)).as("cases that were checked " + exits).isGreaterThan(cases / 10);
    }

    record Outcome(int exit, String out, String err) {
    }

    static Outcome check(Path inventory) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int exit = Main.run(new String[]{"check", inventory.toString(), "--as-of", "2026-11-22", "-f", "json"},
                new PrintWriter(out), new PrintWriter(err));
        return new Outcome(exit, out.toString(), err.toString());
    }

    static void assertWellFormed(String what, Outcome o) throws Exception {
        switch (o.exit) {
            case 0, 1 -> {
                assertThat(JSON.readTree(o.out).path("schemaVersion").asInt()).as(what + ": JSON report").isEqualTo(1);
                assertThat(o.err).as(what).isEmpty();
            }
            case 2 -> {
                assertThat(o.out).as(what).isEmpty();
                List<String> lines = o.err.lines().toList();
                assertThat(lines).as(what).isNotEmpty();
                assertThat(lines.get(lines.size() - 1)).as(what).matches("\\d+ input errors?; nothing was checked");
                for (String l : lines.subList(0, lines.size() - 1)) assertThat(l).as(what + ": located").matches(LOCATED);
                assertThat(o.err).as(what).doesNotContain("\tat ", "Exception", "\u001b");
            }
            default -> fail(what + " exited " + o.exit + ":\n" + o.err);
        }
    }

    /** One mutation: delete, duplicate or swap lines, insert or replace with a token, flip a byte, truncate, re-indent, drop a document, change a digit. */
    static String mutate(String text, Random r) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (lines.isEmpty()) return text;
        int i = r.nextInt(lines.size());
        switch (r.nextInt(12)) {
            case 9 -> {
                // a whole document goes: what refers to it breaks, the rest still holds
                String[] docs = text.split("\n---\n", -1);
                if (docs.length < 2) return text;
                List<String> kept = new ArrayList<>(Arrays.asList(docs));
                kept.remove(r.nextInt(kept.size()));
                return String.join("\n---\n", kept);
            }
            case 10, 11 -> {
                // a digit changes: another date, duration or count, mostly still valid
                List<Integer> digits = new ArrayList<>();
                for (int k = 0; k < text.length(); k++) if (Character.isDigit(text.charAt(k))) digits.add(k);
                if (digits.isEmpty()) return text;
                int at = digits.get(r.nextInt(digits.size()));
                return text.substring(0, at) + (char) ('0' + r.nextInt(10)) + text.substring(at + 1);
            }
            case 0 -> lines.remove(i);
            case 1 -> lines.add(i, lines.get(i));
            case 2 -> Collections.swap(lines, i, r.nextInt(lines.size()));
            case 3 -> {
                String l = lines.get(i);
                int at = l.isEmpty() ? 0 : r.nextInt(l.length() + 1);
                lines.set(i, l.substring(0, at) + TOKENS[r.nextInt(TOKENS.length)] + l.substring(at));
            }
            case 4 -> {
                String l = lines.get(i);
                int colon = l.indexOf(": ");
                lines.set(i, colon < 0 ? TOKENS[r.nextInt(TOKENS.length)] : l.substring(0, colon + 2) + TOKENS[r.nextInt(TOKENS.length)]);
            }
            case 5 -> {
                char[] c = text.toCharArray();
                if (c.length > 0) c[r.nextInt(c.length)] = (char) r.nextInt(256);
                return new String(c);
            }
            case 6 -> {
                return text.substring(0, r.nextInt(text.length() + 1));
            }
            case 7 -> lines.set(i, " ".repeat(r.nextInt(5)) + lines.get(i).stripLeading());
            default -> {
                String l = lines.get(i);
                int colon = l.indexOf(": ");
                if (colon > 0) lines.set(r.nextInt(lines.size()), l); // a value moved to another place
            }
        }
        return String.join("\n", lines);
    }

    static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
