package dev.continuity.engine.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The one registry of report formats: each format names itself once here, with its file extension
 * and its factory. Help texts, docs tests and the option parsers list the formats from it.
 * Reporters are created on first use, so that a check that prints text does not load the HTML
 * template or the SARIF model.
 */
public final class Reporters {
    /** A report format: its name (as --format takes it), the extension of its file, and how to make its reporter. */
    public record Format(String name, String extension, Supplier<Reporter> factory) {
        /** The reporter, made once per JVM (reporters are stateless). */
        public Reporter reporter() {
            return MADE.computeIfAbsent(name, n -> factory.get());
        }
    }

    private static final Map<String, Reporter> MADE = new ConcurrentHashMap<>();

    private static final List<Format> ALL = List.of(
            new Format("text", "txt", TextReporter::new),
            new Format("json", "json", JsonReporter::new),
            new Format("sarif", "sarif", SarifReporter::new),
            new Format("junit", "xml", JunitReporter::new),
            new Format("html", "html", HtmlReporter::new),
            new Format("markdown", "md", MarkdownReporter::new),
            new Format("github", "github.txt", GithubReporter::new),
            new Format("oscal", "oscal.json", OscalReporter::new));

    private Reporters() {
    }

    public static Optional<Format> get(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public static List<Format> all() {
        return ALL;
    }

    /** The format names, in registry order. */
    public static List<String> formats() {
        return ALL.stream().map(Format::name).toList();
    }

    /** The format names for picocli's {@code ${COMPLETION-CANDIDATES}} in help texts. */
    public static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return formats().iterator();
        }
    }
}
