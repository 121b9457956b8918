package dev.continuity.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.continuity.engine.eval.Threshold;
import dev.continuity.engine.load.InputError;
import dev.continuity.engine.load.InputException;
import dev.continuity.engine.model.Location;
import dev.continuity.engine.model.Severity;
import dev.continuity.engine.text.Text;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.*;

/**
 * {@code continuity diff OLD.json NEW.json} (interfaces.md v2): the findings of two JSON reports,
 * matched by fingerprint, as new (only in NEW), fixed (only in OLD) and unchanged (in both).
 *
 * @param oldFile   the older report, as shown
 * @param newFile   the newer report, as shown
 * @param added     findings only in the newer report
 * @param fixed     findings only in the older report
 * @param unchanged findings in both (as the newer report has them)
 */
public record ReportDiff(String oldFile, String newFile, List<Item> added, List<Item> fixed, List<Item> unchanged) {
    private static final ObjectMapper JSON = JsonReporter.JSON;

    /** One finding of a report, as the diff shows it. */
    public record Item(String fingerprint, String rule, String severity, String subject, String detail, String status,
                       String message, String where) {
        String label() {
            return dev.continuity.engine.eval.Finding.label(subject, detail);
        }

        boolean open() {
            return "open".equals(status);
        }
    }

    /** Reads and compares two JSON reports; a file that is not a continuity JSON report is an input error. */
    public static ReportDiff of(Path oldReport, String oldShown, Path newReport, String newShown) throws InputException {
        List<InputError> errors = new ArrayList<>();
        Map<String, Item> before = read(oldReport, oldShown, errors), after = read(newReport, newShown, errors);
        if (!errors.isEmpty()) throw new InputException(errors);
        List<Item> added = new ArrayList<>(), fixed = new ArrayList<>(), same = new ArrayList<>();
        after.forEach((fp, item) -> (before.containsKey(fp) ? same : added).add(item));
        before.forEach((fp, item) -> {
            if (!after.containsKey(fp)) fixed.add(item);
        });
        return new ReportDiff(oldShown, newShown, List.copyOf(added), List.copyOf(fixed), List.copyOf(same));
    }

    private static Map<String, Item> read(Path file, String shown, List<InputError> errors) {
        Map<String, Item> out = new LinkedHashMap<>();
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            errors.add(new InputError(shown, 0, 0, e instanceof java.io.FileNotFoundException || e instanceof java.nio.file.NoSuchFileException
                    ? "no such file" : "not a JSON report: " + Text.escape(String.valueOf(e.getMessage()))));
            return out;
        }
        if (root == null || root.path("schemaVersion").asInt() != 1 || !root.path("findings").isArray()) {
            errors.add(new InputError(shown, 0, 0, "not a continuity JSON report (write one with check -f json)"));
            return out;
        }
        for (JsonNode f : root.path("findings")) {
            JsonNode at = f.path("location");
            String where = at.isObject() ? new Location(at.path("file").asText(), at.path("line").asInt(), at.path("column").asInt()).toString() : "(inventory)";
            out.put(f.path("fingerprint").asText(), new Item(f.path("fingerprint").asText(), f.path("rule").asText(),
                    f.path("severity").asText(), f.path("subject").asText(), f.path("detail").asText(), f.path("status").asText(),
                    f.path("message").asText(), where));
        }
        return out;
    }

    /** True when a new open finding is at or above the threshold: the diff's verdict (exit 1). */
    public boolean failed(Threshold threshold) {
        return added.stream().anyMatch(i -> i.open() && severity(i) != null && threshold.fails(severity(i)));
    }

    private static Severity severity(Item i) {
        try {
            return Severity.valueOf(i.severity().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** "2 new (1 open at or above high), 1 fixed, 17 unchanged". */
    public String summary(Threshold threshold) {
        long failing = added.stream().filter(i -> i.open() && severity(i) != null && threshold.fails(severity(i))).count();
        return added.size() + " new (" + failing + " open at or above " + threshold.label() + "), " + fixed.size() + " fixed, "
                + unchanged.size() + " unchanged";
    }

    public void writeText(OutputStream out, Threshold threshold) {
        PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        section(w, "NEW", added);
        section(w, "FIXED", fixed);
        w.println("UNCHANGED (" + unchanged.size() + ")");
        w.println();
        w.println((failed(threshold) ? "✗ " : "✓ ") + summary(threshold) + " · " + Text.escape(oldFile) + " -> " + Text.escape(newFile));
        w.flush();
    }

    private static void section(PrintWriter w, String title, List<Item> items) {
        w.println(title + " (" + items.size() + ")");
        for (Item i : items) {
            w.println("  " + Text.escape(String.format("%-8s %s %s", i.severity(), i.rule(), i.label()) + (i.open() ? "" : " (" + i.status() + ")")));
            w.println("    " + Text.escape(i.where() + "  " + i.message()));
        }
        w.println();
    }

    public void writeJson(OutputStream out, Threshold threshold) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemaVersion", 1);
        m.put("old", oldFile);
        m.put("newer", newFile);
        m.put("failOn", threshold.label());
        m.put("failed", failed(threshold));
        m.put("new", added);
        m.put("fixed", fixed);
        m.put("unchanged", unchanged);
        JSON.writeValue(out, m);
        out.write('\n');
    }

    public void writeMarkdown(OutputStream out, Threshold threshold) {
        PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.println("### " + (failed(threshold) ? "❌ New continuity findings" : "✅ No new continuity findings at or above " + threshold.label()));
        w.println();
        w.println("**" + MarkdownReporter.cell(summary(threshold)) + "**");
        for (var e : List.of(Map.entry("New", added), Map.entry("Fixed", fixed))) {
            if (e.getValue().isEmpty()) continue;
            w.println();
            w.println("| " + e.getKey() + " | Severity | Rule | Subject | Where | Finding |");
            w.println("|---|---|---|---|---|---|");
            int shown = 0;
            for (Item i : e.getValue()) {
                if (shown++ == MarkdownReporter.MAX_ROWS) {
                    w.println("| … | | | | | " + (e.getValue().size() - MarkdownReporter.MAX_ROWS) + " more |");
                    break;
                }
                w.println("| " + (i.open() ? "" : i.status()) + " | " + MarkdownReporter.cell(i.severity()) + " | " + MarkdownReporter.cell(i.rule())
                        + " | " + MarkdownReporter.code(i.label()) + " | " + MarkdownReporter.code(i.where()) + " | " + MarkdownReporter.code(i.message()) + " |");
            }
        }
        w.flush();
    }
}
