package dev.continuity.engine.report;

import dev.continuity.engine.eval.Finding;
import dev.continuity.engine.eval.Result;
import dev.continuity.engine.eval.Status;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A short summary for pull-request comments and CI job summaries (GitHub-flavoured Markdown). */
public final class MarkdownReporter implements Reporter {
    /** Open findings listed at the most; the rest are counted. */
    static final int MAX_ROWS = 50;
    /** A waiver in force that runs out within this many days is marked. */
    static final int EXPIRING_DAYS = 30;



    @Override
    public void write(ReportContext ctx, OutputStream out) throws IOException {
        PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        Result r = ctx.result();
        w.println("### " + (ctx.failed() ? "❌ Continuity check failed" : "✅ Continuity check passed"));
        w.println();
        w.println("**" + cell(ctx.summary()) + "**");
        List<Finding> shown = r.findings().stream().filter(Finding::isOpen).toList();
        if (!shown.isEmpty()) {
            w.println();
            w.println("| Severity | Rule | Subject | Where | Finding | Fix |");
            w.println("|---|---|---|---|---|---|");
            for (Finding f : shown.subList(0, Math.min(MAX_ROWS, shown.size()))) {
                w.println("| " + f.rule().severity().yaml() + " | " + cell(f.rule().id() + " " + f.rule().title()) + " | "
                        + code(f.label()) + " | "
                        + where(ctx, f) + " | "
                        + code(f.message()) + " | " + cell(f.rule().remediation()) + " |");
            }
            if (shown.size() > MAX_ROWS) {
                w.println();
                w.println("… and " + (shown.size() - MAX_ROWS) + " more open findings: see the full report.");
            }
        }
        if (!r.waivers().isEmpty()) {
            // waivers an auditor (or a reviewer) should see, those running out within 30 days marked
            w.println();
            w.println("| Waiver | Rule | Subject | Expires | State |");
            w.println("|---|---|---|---|---|");
            for (var st : r.waivers()) {
                var wv = st.waiver();
                long days = java.time.temporal.ChronoUnit.DAYS.between(r.asOf(), wv.expires());
                String expires = wv.expires() + (st.state() == dev.continuity.engine.eval.Waivers.State.IN_FORCE && days <= EXPIRING_DAYS
                        ? " ⚠ in " + days + (days == 1 ? " day" : " days") : "");
                w.println("| " + code(wv.id()) + " | " + cell(wv.rule()) + " | " + code(Finding.label(wv.subject(), wv.detail())) + " | "
                        + expires + " | " + st.state().label() + " |");
            }
        }
        for (var e : ctx.coverageByFramework().entrySet()) {
            w.println();
            w.println("| " + cell(e.getKey().title()) + " | State | Rules |");
            w.println("|---|---|---|");
            for (var c : e.getValue()) w.println("| " + cell(c.requirement()) + " | " + c.state().label() + " | " + cell(String.join(", ", c.rules())) + " |");
        }
        w.println();
        w.println("<details><summary>What was checked</summary>");
        w.println();
        for (String line : ctx.checked()) w.println("- " + code(line));
        w.println();
        w.println("</details>");
        w.flush();
    }

    /**
     * Where a finding points: {@code file:line:column} in a code span, linked to the file and line
     * under {@code --link-base} when one is given (the path percent-encoded, so it cannot break the link).
     */
    static String where(ReportContext ctx, Finding f) {
        if (f.location() == null) return "";
        if (ctx.linkBase() == null || ctx.linkBase().isBlank()) return code(f.where());
        String url = ctx.linkBase().replaceAll("/+$", "") + "/" + SarifReporter.uri(f.location().file()).replace(")", "%29")
                + "#L" + f.location().line();
        return "[" + code(f.where()) + "](" + url + ")";
    }

    /**
     * Inventory text in a pull-request comment: a code span, inside which GitHub makes no link, no
     * image, no @mention, no HTML and no emphasis. Control characters are escaped, backticks become
     * quotes (nothing can close the span) and pipes are escaped for the table.
     */
    static String code(String s) {
        String t = dev.continuity.engine.text.Text.escape(s).replace('`', '\'').replace("|", "\\|").strip();
        return t.isEmpty() ? "" : "`" + t + "`";
    }

    /** Text safe inside a table cell: no pipes, no line breaks, no HTML, no Markdown emphasis. */
    static String cell(String s) {
        return dev.continuity.engine.text.Text.escape(s).replace("\\", "\\\\").replace("|", "\\|")
                .replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*").replace("_", "\\_").replace("`", "'");
    }
}
