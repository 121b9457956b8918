package dev.continuity.engine.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place report formats are registered. Reporters are created on first use, so that a check
 * that prints text does not load the HTML template or the SARIF model.
 */
public final class Reporters {
    private static final Map<String, java.util.function.Supplier<Reporter>> ALL = new LinkedHashMap<>();
    private static final Map<String, Reporter> MADE = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        ALL.put("text", TextReporter::new);
        ALL.put("json", JsonReporter::new);
        ALL.put("sarif", SarifReporter::new);
        ALL.put("junit", JunitReporter::new);
        ALL.put("html", HtmlReporter::new);
        ALL.put("markdown", MarkdownReporter::new);
    }

    private Reporters() {
    }

    public static Optional<Reporter> get(String format) {
        var make = ALL.get(format);
        return make == null ? Optional.empty() : Optional.of(MADE.computeIfAbsent(format, f -> make.get()));
    }

    public static List<String> formats() {
        return List.copyOf(ALL.keySet());
    }
}
