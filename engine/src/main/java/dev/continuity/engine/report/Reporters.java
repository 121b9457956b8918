package dev.continuity.engine.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The one place report formats are registered. */
public final class Reporters {
    private static final Map<String, Reporter> ALL = new LinkedHashMap<>();

    static {
        for (Reporter r : List.of(new TextReporter(), new JsonReporter(), new SarifReporter(), new JunitReporter(), new HtmlReporter(), new MarkdownReporter())) ALL.put(r.format(), r);
    }

    private Reporters() {
    }

    public static Optional<Reporter> get(String format) {
        return Optional.ofNullable(ALL.get(format));
    }

    public static List<String> formats() {
        return List.copyOf(ALL.keySet());
    }
}
