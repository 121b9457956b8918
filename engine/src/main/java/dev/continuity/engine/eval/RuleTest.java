package dev.continuity.engine.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.continuity.engine.load.InputException;
import dev.continuity.engine.load.InventoryLoader;
import dev.continuity.engine.model.Inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;
import java.util.stream.Stream;

/**
 * A rule test (interfaces.md): a folder with an inventory and an {@code expected.yaml} that lists
 * the findings (rule, subject, detail) that must come out, exactly:
 * <pre>
 * asOf: 2026-06-01          # required: tests never depend on today's date
 * only: [NET-001, NET-002]  # optional: compare only these rules' findings
 * findings:
 *   - {rule: NET-001, subject: dc-1}
 *   - {rule: SVC-003, subject: web, detail: db}
 * </pre>
 */
public final class RuleTest {
    public static final String EXPECTED = "expected.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** One expected or actual finding. */
    public record Key(String rule, String subject, String detail) implements Comparable<Key> {
        public Key {
            detail = detail == null ? "" : detail;
        }

        @Override
        public int compareTo(Key o) {
            return Comparator.comparing(Key::rule).thenComparing(Key::subject).thenComparing(Key::detail).compare(this, o);
        }

        @Override
        public String toString() {
            return rule + " " + Finding.label(subject, detail);
        }
    }

    /** The content of expected.yaml. */
    public record Expected(String asOf, List<String> only, List<Key> findings) {
        public Expected {
            only = only == null ? List.of() : only;
            findings = findings == null ? List.of() : findings;
        }
    }

    /** What a test gave: passed when nothing is missing or unexpected and the inventory loaded. */
    public record Outcome(Path dir, Expected expected, SortedSet<Key> missing, SortedSet<Key> unexpected, String error) {
        public boolean passed() {
            return error == null && missing.isEmpty() && unexpected.isEmpty();
        }

        public String report() {
            if (error != null) return dir + ": " + error;
            StringBuilder sb = new StringBuilder(dir.toString()).append(passed() ? ": ok" : ": FAILED");
            missing.forEach(k -> sb.append("\n  missing:    ").append(k));
            unexpected.forEach(k -> sb.append("\n  unexpected: ").append(k));
            return sb.toString();
        }
    }

    private RuleTest() {
    }

    /** Every folder under {@code root} (itself included) that holds an expected.yaml, sorted. */
    public static List<Path> find(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().equals(EXPECTED)).map(Path::getParent).sorted().toList();
        }
    }

    public static Expected readExpected(Path dir) throws IOException {
        Expected e = YAML.readValue(dir.resolve(EXPECTED).toFile(), Expected.class);
        if (e.asOf() == null) throw new IOException(dir.resolve(EXPECTED) + ": asOf is required");
        return e;
    }

    public static Outcome run(Path dir, Evaluator evaluator, InventoryLoader loader) {
        Expected expected;
        try {
            expected = readExpected(dir);
        } catch (IOException e) {
            return new Outcome(dir, null, new TreeSet<>(), new TreeSet<>(), "cannot read " + EXPECTED + ": " + e.getMessage());
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> {
                String n = p.getFileName().toString();
                return (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.equals(EXPECTED);
            }).sorted().toList();
        } catch (IOException e) {
            return new Outcome(dir, expected, new TreeSet<>(), new TreeSet<>(), e.getMessage());
        }
        Inventory inv;
        try {
            inv = loader.load(files);
        } catch (InputException e) {
            return new Outcome(dir, expected, new TreeSet<>(), new TreeSet<>(), "input errors:\n" + e.getMessage());
        }
        Result result;
        try {
            result = evaluator.evaluate(inv, Evaluator.Options.asOf(LocalDate.parse(expected.asOf())));
        } catch (CustomRuleException e) {
            return new Outcome(dir, expected, new TreeSet<>(), new TreeSet<>(), "custom rule failed:\n" + e.getMessage());
        }
        Set<String> only = new HashSet<>(expected.only());
        SortedSet<Key> actual = new TreeSet<>();
        for (Finding f : result.findings()) {
            if (only.isEmpty() || only.contains(f.rule().id())) actual.add(new Key(f.rule().id(), f.subject(), f.detail()));
        }
        SortedSet<Key> want = new TreeSet<>(expected.findings());
        SortedSet<Key> missing = new TreeSet<>(want);
        missing.removeAll(actual);
        SortedSet<Key> unexpected = new TreeSet<>(actual);
        unexpected.removeAll(want);
        return new Outcome(dir, expected, missing, unexpected, null);
    }
}
