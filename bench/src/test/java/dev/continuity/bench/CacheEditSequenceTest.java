package dev.continuity.bench;

import dev.continuity.engine.eval.Check;
import dev.continuity.engine.eval.Evaluator;
import dev.continuity.engine.eval.Result;
import dev.continuity.engine.model.Severity;
import dev.continuity.engine.load.AnalysisCache;
import dev.continuity.engine.load.InputException;
import dev.continuity.engine.report.ReportContext;
import dev.continuity.engine.report.Reporters;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis cache across a sequence of edits, as a user makes them between two checks. A seeded
 * sequence of random edits to a generated inventory (five copies of the compliant company, some
 * with defects, in files of 40 documents, so that a company spans one or two files and an edit
 * leaves the others' components to the cache): a document moved to another file or to a new one,
 * two documents swapped, lines added above a file's first document, a file renamed or written
 * again with the same bytes, a duration, a date or a criticality changed, a dependency added
 * (sometimes a cycle), a document deleted (sometimes one that others name), a syntax error, a file
 * put back as it was generated, or the whole inventory; up to two per step, or none. After each
 * step, a check with the cache (a file opened and saved by each check, as the command line does,
 * or one kept in memory across the checks, as the watch does) must give exactly what a check
 * without it gives: the same json and text reports, or the same input errors. The other tests
 * check one change each, and {@code IncrementalEvaluationTest} every fixture read twice; this one
 * checks what a cache carries from one state of an inventory to the next, over many, the
 * inventory's shape too (kept when the changed files keep their outline: a duration, a date, a
 * criticality, lines above, a file written again).
 */
class CacheEditSequenceTest {
    private static final int DOCUMENTS_PER_FILE = 40;
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
    private static final List<String> DURATIONS = List.of("PT5M", "PT15M", "PT30M", "PT1H", "PT4H", "PT8H", "P1D", "P3D");
    private static final Pattern DURATION = Pattern.compile("\\bP(T\\d+[HM]|\\d+D)\\b");
    private static final Pattern DATE = Pattern.compile("\\b20\\d\\d-\\d\\d-\\d\\d\\b");
    private static final String SEPARATOR = "\n---\n";

    @TempDir
    Path tmp;
    private Path inv;
    private Path original;
    private Random random;

    /**
     * @param kept {@code file}: the cache file, opened and saved by every check, as the command
     *             line and the plugin keep it; {@code memory}: one cache in memory across the
     *             checks, as {@code check --watch} keeps it
     */
    @ParameterizedTest
    @CsvSource({"1, file", "2, file", "3, file", "4, file", "5, memory", "6, memory"})
    void everyCheckWithTheCacheIsTheCheckWithout(long seed, String kept) throws Exception {
        random = new Random(seed);
        original = tmp.resolve("generated");
        Generate.generate(GenerateTest.TEMPLATE, 300, original, 0.5, seed);
        splitCompanies(original);
        inv = tmp.resolve("inventory");
        copy(original, inv);
        Path cacheFile = tmp.resolve("continuity.cache");
        AnalysisCache memory = AnalysisCache.inMemory();
        int served = 0, componentsServed = 0, failed = 0, brokenFor = 0, shapesKept = 0;
        for (int step = 0; step < 40; step++) {
            List<String> edits = new ArrayList<>();
            if (brokenFor >= 3) edits.add(putBackEverything()); // then on from a valid inventory again
            for (int n = random.nextInt(3); n > 0; n--) edits.add(edit()); // none: checked again as it is
            AnalysisCache cache = kept.equals("file") ? AnalysisCache.open(cacheFile) : memory;
            int hitsBefore = cache.hits(), componentHitsBefore = cache.componentHits(); // the memory's count on
            int shapesBefore = cache.served().shapesKept();
            String cached = check(cache);
            String plain = check(null);
            assertThat(cached).as("step %d after %s", step, edits).isEqualTo(plain);
            assertThat(cache.warning()).isNull();
            served += cache.hits() - hitsBefore;
            componentsServed += cache.componentHits() - componentHitsBefore;
            shapesKept += cache.served().shapesKept() - shapesBefore;
            boolean broken = plain.startsWith("input errors");
            if (broken) failed++;
            brokenFor = broken ? brokenFor + 1 : 0;
        }
        // the sequence used the cache (its kept shape of the inventory too), and went through broken states and back
        assertThat(served).isPositive();
        assertThat(componentsServed).isPositive();
        assertThat(shapesKept).isPositive();
        assertThat(failed).isPositive().isLessThan(40);
    }

    /** The generated companies' file cut into files of {@link #DOCUMENTS_PER_FILE} documents each. */
    private static void splitCompanies(Path dir) throws IOException {
        Path companies = dir.resolve("companies-000000.yaml");
        List<String> docs = Arrays.asList(Files.readString(companies).split(SEPARATOR, -1));
        Files.delete(companies);
        for (int start = 0, n = 0; start < docs.size(); start += DOCUMENTS_PER_FILE, n++) {
            Files.writeString(dir.resolve(String.format("part-%02d.yaml", n)),
                    String.join(SEPARATOR, docs.subList(start, Math.min(docs.size(), start + DOCUMENTS_PER_FILE))));
        }
    }

    /** The json and text reports of a check of the copy, or its input errors. */
    private String check(AnalysisCache cache) throws IOException {
        Check check = new Check(List.of(inv), AS_OF, List.of(), Set.of(), null, Evaluator.Options.DEFAULT_MAX_FIRINGS,
                Evaluator.Options.DEFAULT_TIME_LIMIT, Set.of(), cache);
        Result r;
        try {
            r = check.run(tmp);
        } catch (InputException e) {
            return "input errors\n" + String.join("\n", e.errors().stream().map(Object::toString).toList());
        }
        StringBuilder out = new StringBuilder();
        for (String format : List.of("json", "text")) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Reporters.get(format).orElseThrow().reporter().write(new ReportContext(r, Severity.LOW, false), bytes);
            out.append(bytes.toString(StandardCharsets.UTF_8)).append('\n');
        }
        return out.toString();
    }

    /** One random edit of the copy; says what it did. */
    private String edit() throws IOException {
        List<String> files = files();
        if (files.isEmpty()) return "none (no file left)";
        String f = files.get(random.nextInt(files.size()));
        List<String> docs = docs(f);
        int i = random.nextInt(docs.size());
        String doc = docs.get(i);
        switch (random.nextInt(14)) {
            case 0 -> { // a document to another file
                if (files.size() < 2) return "none";
                String g = files.get(random.nextInt(files.size()));
                if (g.equals(f)) return "none";
                docs.remove(i);
                write(f, docs);
                List<String> other = docs(g);
                other.add(random.nextInt(other.size() + 1), doc);
                write(g, other);
                return "moved " + f + "[" + i + "] to " + g;
            }
            case 1 -> { // a document to a file of its own, or one made before
                docs.remove(i);
                write(f, docs);
                String g = "extra" + random.nextInt(3) + ".yaml";
                List<String> other = Files.exists(inv.resolve(g)) ? docs(g) : new ArrayList<>();
                other.add(doc);
                write(g, other);
                return "moved " + f + "[" + i + "] to " + g;
            }
            case 2 -> {
                int j = random.nextInt(docs.size());
                Collections.swap(docs, i, j);
                write(f, docs);
                return "swapped " + f + "[" + i + "] and [" + j + "]";
            }
            case 3 -> {
                docs.set(0, "# a comment\n".repeat(1 + random.nextInt(2)) + docs.get(0));
                write(f, docs);
                return "lines above " + f;
            }
            case 4 -> {
                Files.move(inv.resolve(f), inv.resolve("r" + f));
                return "renamed " + f;
            }
            case 5 -> {
                write(f, docs);
                return "wrote " + f + " again";
            }
            case 6, 7 -> {
                return replaceOne(f, docs, i, DURATION, () -> DURATIONS.get(random.nextInt(DURATIONS.size())), "duration");
            }
            case 8 -> {
                return replaceOne(f, docs, i, Pattern.compile("(?<=criticality: )\\w+"),
                        () -> List.of("critical", "high", "medium", "low").get(random.nextInt(4)), "criticality");
            }
            case 9 -> { // a dependency on a service, maybe one that depends on this one
                List<String> ids = new ArrayList<>();
                for (String g : files) {
                    Matcher m = Pattern.compile("(?m)^kind: Service\\nid: (\\S+)").matcher(Files.readString(inv.resolve(g)));
                    while (m.find()) ids.add(m.group(1));
                }
                if (ids.isEmpty() || !doc.contains("dependsOn: [")) return "none";
                docs.set(i, doc.replaceFirst("dependsOn: \\[", "dependsOn: [" + ids.get(random.nextInt(ids.size())) + ", "));
                write(f, docs);
                return "dependency in " + f + "[" + i + "]";
            }
            case 10 -> {
                docs.remove(i);
                write(f, docs);
                return "deleted " + f + "[" + i + "]";
            }
            case 11 -> {
                return replaceOne(f, docs, i, DATE, () -> String.format("20%d-%02d-%02d", 23 + random.nextInt(4), 1 + random.nextInt(12),
                        1 + random.nextInt(27)), "date");
            }
            case 12 -> {
                docs.set(i, random.nextBoolean() ? doc + "\nbroken: [" : doc.replaceFirst("\n", "\n\t"));
                write(f, docs);
                return "broke " + f + "[" + i + "]";
            }
            default -> {
                Path was = original.resolve(f);
                if (random.nextBoolean() && Files.exists(was)) {
                    Files.copy(was, inv.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    return "put back " + f;
                }
                return putBackEverything();
            }
        }
    }

    private String putBackEverything() throws IOException {
        for (String g : files()) Files.delete(inv.resolve(g));
        copy(original, inv);
        return "put back everything";
    }

    private String replaceOne(String f, List<String> docs, int i, Pattern p, java.util.function.Supplier<String> value, String what)
            throws IOException {
        List<int[]> at = new ArrayList<>();
        Matcher m = p.matcher(docs.get(i));
        while (m.find()) at.add(new int[] {m.start(), m.end()});
        if (at.isEmpty()) return "none";
        int[] x = at.get(random.nextInt(at.size()));
        String doc = docs.get(i);
        docs.set(i, doc.substring(0, x[0]) + value.get() + doc.substring(x[1]));
        write(f, docs);
        return what + " in " + f + "[" + i + "]";
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(inv)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
    }

    private List<String> docs(String f) throws IOException {
        return new ArrayList<>(Arrays.asList(Files.readString(inv.resolve(f)).split(SEPARATOR, -1)));
    }

    /** Writes the documents, or deletes the file when none is left. */
    private void write(String f, List<String> docs) throws IOException {
        if (docs.isEmpty()) Files.delete(inv.resolve(f));
        else Files.writeString(inv.resolve(f), String.join(SEPARATOR, docs));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
