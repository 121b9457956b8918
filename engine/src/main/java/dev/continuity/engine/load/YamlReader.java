package dev.continuity.engine.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.continuity.engine.load.YNode.*;
import dev.continuity.engine.model.Location;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads YAML documents into located nodes with Jackson's streaming YAML parser. Rejects on purpose
 * what Jackson would otherwise accept silently: anchors and aliases (turned into strings) and
 * duplicate keys (the last one wins). Scalars keep their text as written so that the binder can
 * refuse YAML 1.1 surprises such as {@code yes} or {@code 0123} instead of coercing them.
 */
final class YamlReader {
    /** Largest inventory file accepted (SnakeYAML's own default is 3 MB). */
    static final int MAX_CODE_POINTS = 100 * 1024 * 1024;

    /** Jackson's YAML parser, made when a file first needs it (block YAML reads most without it). */
    private static final class Factory {
        static final StrictYamlFactory INSTANCE;

        static {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(MAX_CODE_POINTS);
            options.setMaxAliasesForCollections(0);
            INSTANCE = new StrictYamlFactory(YAMLFactory.builder()
                    .loaderOptions(options)
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(MAX_CODE_POINTS)
                            .maxNestingDepth(100)
                            .build())
                    .disable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION));
        }
    }

    private final String file;
    private final List<InputError> errors;
    private StrictYamlFactory.Parser parser;

    YamlReader(String file, List<InputError> errors) {
        this.file = file;
        this.errors = errors;
    }

    /** The documents of the file that are not empty; errors go to the shared list. */
    List<YNode> read(Reader in) {
        List<YNode> docs = new ArrayList<>();
        read(in, docs::add);
        return docs;
    }

    /**
     * Gives each document of the file that is not empty to {@code each} as soon as it is read, so
     * that a large file is never held as nodes all at once; errors go to the shared list.
     */
    void read(Reader in, java.util.function.Consumer<YNode> each) {
        read(in, each, 0);
    }

    /**
     * Reads a text as the loader does: block YAML from its bytes, and from the document where that
     * stops (if it does), SnakeYAML from the same text, which {@code text} opens only then.
     */
    void read(byte[] bytes, java.util.function.Supplier<? extends Reader> text, java.util.function.Consumer<YNode> each) {
        int given = BlockYaml.read(bytes, file, errors, each);
        if (given >= 0) read(text.get(), each, given);
    }

    /** A document that gives nothing (empty, or only a null or blank value): YAML readers pass over it. */
    static boolean isEmptyDocument(YNode doc) {
        return doc instanceof YScalar s && (s.isNull() || s.text().isBlank());
    }

    /**
     * As {@link #read(Reader, java.util.function.Consumer)}, but the first {@code skip} documents
     * that are not empty are read and passed over, with whatever they would report: {@link BlockYaml}
     * gave them already.
     */
    void read(Reader in, java.util.function.Consumer<YNode> each, int skip) {
        try (StrictYamlFactory.Parser p = (StrictYamlFactory.Parser) Factory.INSTANCE.createParser(in)) {
            parser = p;
            try {
                JsonToken t;
                int skipped = 0;
                while ((t = p.nextToken()) != null) {
                    int known = errors.size();
                    YNode doc = value(t);
                    if (isEmptyDocument(doc)) continue;
                    if (skipped < skip) {
                        skipped++;
                        errors.subList(known, errors.size()).clear();
                        continue;
                    }
                    each.accept(doc);
                }
            } finally {
                for (StrictYamlFactory.Anchor a : p.anchors) {
                    errors.add(new InputError(file, a.line(), a.column(), "YAML anchors (&" + dev.continuity.engine.text.Text.escape(a.name())
                            + ") are not supported: write each value out in full"));
                }
                for (StrictYamlFactory.Tag tag : p.tags) {
                    errors.add(new InputError(file, tag.line(), tag.column(), "YAML tags (" + dev.continuity.engine.text.Text.quote(tag.tag())
                            + ") are not supported: write the value plainly (a tag can turn a list item into nothing)"));
                }
            }
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                String context = m.getContext() == null ? "" : " (" + clean(m.getContext().strip()) + ")";
                errors.add(new InputError(file, m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1,
                        "not valid YAML: " + firstLine(m.getProblem()) + context));
            } else {
                JsonLocation l = e.getLocation();
                errors.add(new InputError(file, l == null ? 1 : Math.max(1, l.getLineNr()), l == null ? 1 : Math.max(1, l.getColumnNr()),
                        "not valid YAML: " + firstLine(e.getOriginalMessage())));
            }
        } catch (IOException e) {
            errors.add(new InputError(file, 0, 0, "cannot read: " + e.getMessage()));
        }
    }

    private YNode value(JsonToken t) throws IOException {
        Location at = here();
        return switch (t) {
            case START_OBJECT -> map(at);
            case START_ARRAY -> seq(at);
            default -> {
                if (parser.isCurrentAlias()) {
                    errors.add(InputError.at(at, "YAML aliases (*" + parser.getText()
                            + ") are not supported: write the value out in full"));
                }
                yield new YScalar(at, t == JsonToken.VALUE_NULL ? "" : parser.getText(), t);
            }
        };
    }

    private YMap map(Location at) throws IOException {
        LinkedHashMap<String, YEntry> entries = new LinkedHashMap<>();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_OBJECT) {
            String key = parser.currentName();
            Location keyAt = here();
            YNode v = value(parser.nextToken());
            put(entries, key, keyAt, v, errors);
        }
        return new YMap(at, entries);
    }

    /** An entry of a mapping; a second one of the same key is an error and the first stays. */
    static void put(LinkedHashMap<String, YEntry> entries, String key, Location keyAt, YNode value, List<InputError> errors) {
        YEntry previous = entries.putIfAbsent(key, new YEntry(key, keyAt, value));
        if (previous != null) {
            errors.add(InputError.at(keyAt, "duplicate key " + dev.continuity.engine.text.Text.quote(key) + " (first at line "
                    + previous.keyLocation().line() + ")"));
        }
    }

    private YSeq seq(Location at) throws IOException {
        List<YNode> items = new ArrayList<>();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(value(t));
        }
        return new YSeq(at, items);
    }

    private Location here() {
        return at(file, parser);
    }

    /** Where a Jackson parser's current token starts, in a file (YAML and JSON alike). */
    static Location at(String file, com.fasterxml.jackson.core.JsonParser parser) {
        JsonLocation l = parser.currentTokenLocation();
        return new Location(file, l.getLineNr(), l.getColumnNr());
    }

    /** A parser's message, its first line only, without Java class names. */
    static String firstLine(String message) {
        if (message == null) return "syntax error";
        String m = message.strip();
        int nl = m.indexOf('\n');
        return clean(nl < 0 ? m : m.substring(0, nl).strip());
    }

    private static final java.util.regex.Pattern CLASS_NAME = java.util.regex.Pattern.compile(
            "\\s*(due to )?\\(?\\b(java|javax|com|org)\\.[\\w.$]+\\)?:?");

    /** A parser's message as a person reads it: no Java class names, no stack-trace vocabulary. */
    static String clean(String m) {
        if (m.contains("NumberFormatException") && m.contains("radix 16")) {
            return "an escape in a double-quoted string (\\x, \\u, \\U) needs hexadecimal digits";
        }
        String c = CLASS_NAME.matcher(m).replaceAll("").replace("failed to tokenize", "cannot read the token").strip();
        return c.isEmpty() ? "syntax error" : c;
    }

    /** Parses a value written as YAML in an annotation, such as a default. */
    static YNode parseSnippet(String yaml) {
        List<InputError> errs = new ArrayList<>();
        List<YNode> docs = new ArrayList<>();
        // block YAML reads every default there is, so that a check need not start Jackson's YAML
        // parser and SnakeYAML at all (22 ms of the warm-up thread, before it builds the rule base)
        new YamlReader("<default>", errs).read(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                () -> new java.io.StringReader(yaml), docs::add);
        if (!errs.isEmpty() || docs.size() != 1) throw new IllegalStateException("bad default " + yaml + ": " + errs);
        return docs.get(0);
    }
}
