package dev.continuity.engine.report;

import dev.continuity.engine.eval.Finding;
import dev.continuity.engine.load.InputError;
import dev.continuity.engine.model.Severity;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * GitHub Actions workflow commands (interfaces.md v2, {@code -f github}): one annotation per open
 * finding, {@code ::error file=F,line=L,col=C,title=RULE title::message}, as error (critical,
 * high), warning (medium) or notice (low), then what was checked and the summary as notices. Values are escaped as
 * GitHub's toolkit does (% CR LF, and in properties also : and ,), so inventory text can neither
 * end a command nor start another.
 */
public final class GithubReporter implements Reporter {
    @Override
    public void write(ReportContext ctx, OutputStream out) throws IOException {
        PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        for (Finding f : ctx.result().findings()) {
            if (!f.isOpen()) continue;
            w.println(command(level(f.rule().severity()), f.location() == null ? null : f.location().file(),
                    f.location() == null ? 0 : f.location().line(), f.location() == null ? 0 : f.location().column(),
                    f.rule().id() + " " + f.rule().title(), f.label() + ": " + f.message() + " (fix: " + f.rule().remediation() + ")"));
        }
        for (var e : ctx.coverageByFramework().entrySet()) {
            w.println(command("notice", null, 0, 0, "continuity: " + e.getKey().title() + " coverage", String.join("\n",
                    e.getValue().stream().map(c -> c.requirement() + ": " + c.state().label() + " (" + String.join(", ", c.rules()) + ")").toList())));
        }
        // what was checked (interfaces.md v2), then the verdict
        w.println(command("notice", null, 0, 0, "continuity: what was checked", String.join("\n", ctx.checked())));
        w.println(command("notice", null, 0, 0, "continuity", (ctx.failed() ? "FAILED: " : "passed: ") + ctx.summary()));
        w.flush();
    }

    /** An input error as an annotation, so that a broken inventory is annotated too. */
    public static String inputError(InputError e) {
        return command("error", e.file(), e.line(), e.column(), "continuity input error",
                (e.field().isEmpty() ? "" : e.field() + ": ") + e.message());
    }

    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "notice";
        };
    }

    static String command(String level, String file, int line, int col, String title, String message) {
        StringBuilder sb = new StringBuilder("::").append(level).append(' ');
        if (file != null) {
            sb.append("file=").append(property(file));
            if (line > 0) sb.append(",line=").append(line);
            if (col > 0) sb.append(",col=").append(col);
            sb.append(',');
        }
        sb.append("title=").append(property(title)).append("::").append(data(message));
        return sb.toString();
    }

    /** The message of a command: %, CR and LF escaped, and every other control character made visible. */
    static String data(String s) {
        return dev.continuity.engine.text.Text.escape(s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"));
    }

    /** A property value: as data, and : and , escaped too. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
