package dev.continuity.engine.report;

import dev.continuity.engine.eval.Finding;
import dev.continuity.engine.eval.Result;
import dev.continuity.engine.eval.Status;
import dev.continuity.engine.model.Severity;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** What a person reads in a terminal: findings grouped by severity, then a one-line summary. */
public final class TextReporter implements Reporter {
    private static final String RESET = "\u001b[0m";



    @Override
    public void write(ReportContext ctx, OutputStream out) throws IOException {
        PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        Style s = new Style(ctx.colour());
        Result r = ctx.result();
        for (Severity sev : Severity.values()) {
            List<Finding> group = r.findings().stream().filter(f -> f.isOpen() && f.rule().severity() == sev).toList();
            if (group.isEmpty()) continue;
            w.println(s.severity(sev, sev.name() + " (" + group.size() + ")"));
            for (Finding f : group) {
                w.println("  " + s.bold(e(f.rule().id() + " " + f.rule().title())) + s.dim("  " + e(subject(f))));
                w.println("    " + s.dim(e(where(f))) + "  " + e(f.message()));
                w.println("    " + s.dim("fix: " + e(f.rule().remediation())));
            }
            w.println();
        }
        List<Finding> waived = r.findings().stream().filter(f -> f.status() == Status.WAIVED).toList();
        if (!waived.isEmpty()) {
            w.println(s.dim("WAIVED (" + waived.size() + ")"));
            for (Finding f : waived) {
                w.println("  " + e(f.rule().id() + " " + f.rule().title()) + s.dim("  " + e(subject(f))));
                w.println("    " + s.dim(e("waiver " + f.waiver().id() + " until " + f.waiver().expires() + ", approved by "
                        + f.waiver().approvedBy() + ": " + f.waiver().reason())));
            }
            w.println();
        }
        long baseline = r.count(Status.BASELINE);
        if (baseline > 0) {
            w.println(s.dim("BASELINE (" + baseline + "): known findings recorded in the baseline, not failing"));
            w.println();
        }
        for (var e : ctx.coverageByFramework().entrySet()) {
            w.println(s.dim("COVERAGE " + e.getKey().prefix() + " (" + e.getKey().title() + ")"));
            for (var c : e.getValue()) {
                w.println("  " + String.format("%-7s", c.state().label()) + e(c.requirement()) + s.dim("  " + String.join(", ", c.rules())));
            }
            w.println();
        }
        w.println(s.dim("CHECKED"));
        for (String line : ctx.checked()) w.println("  " + s.dim(e(line)));
        w.println();
        w.println(summary(ctx, s));
        w.flush();
    }

    /** Inventory text is data: every control character is shown escaped, so no line can be forged. */
    private static String e(String text) {
        return dev.continuity.engine.text.Text.escape(text);
    }

    private static String subject(Finding f) {
        return (f.kind().isEmpty() ? "" : f.kind() + " ") + f.label();
    }

    private static String where(Finding f) {
        return f.where();
    }

    /** The summary line without colours. */
    public static String summaryLine(ReportContext ctx) {
        return summary(ctx, new Style(false));
    }

    /** "✗ 5 open findings (2 critical, 3 high, 0 medium, 0 low), 1 waived · 34 resources in 5 files · as of 2026-11-22" */
    static String summary(ReportContext ctx, Style s) {
        return (ctx.failed() ? s.fail("✗ FAILED") : s.pass("✓ PASSED")) + "  " + ctx.summary();
    }

    /** ANSI styling, or none. */
    record Style(boolean on) {
        String wrap(String code, String text) {
            return on ? "\u001b[" + code + "m" + text + RESET : text;
        }

        String bold(String t) {
            return wrap("1", t);
        }

        String dim(String t) {
            return wrap("2", t);
        }

        String pass(String t) {
            return wrap("1;32", t);
        }

        String fail(String t) {
            return wrap("1;31", t);
        }

        String severity(Severity sev, String t) {
            return wrap(switch (sev) {
                case CRITICAL -> "1;97;41";
                case HIGH -> "1;31";
                case MEDIUM -> "1;33";
                case LOW -> "1;36";
            }, t);
        }
    }
}
