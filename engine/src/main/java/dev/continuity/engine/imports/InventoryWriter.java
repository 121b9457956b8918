package dev.continuity.engine.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.continuity.engine.load.YNode;
import dev.continuity.engine.load.YNode.*;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.*;

/**
 * Writes imported documents as inventory YAML: one file per source, documents in a fixed order,
 * nothing that depends on time or the machine, so the same input gives the same bytes.
 */
public final class InventoryWriter {
    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .build())
            .build();

    private InventoryWriter() {
    }

    /** The documents that belong in files, grouped by source, in order; completions stay out (they complete hand-written documents). */
    public static SortedMap<String, List<ImportedDocument>> bySource(List<ImportedDocument> documents) {
        SortedMap<String, List<ImportedDocument>> out = new TreeMap<>();
        for (ImportedDocument d : documents) {
            if (!d.completion()) out.computeIfAbsent(d.source(), k -> new ArrayList<>()).add(d);
        }
        return out;
    }

    /** The output file name of each source: its name with .yaml for its extension; a name two sources share gets -2, -3. */
    public static SortedMap<String, String> fileNames(Collection<String> sources) {
        SortedMap<String, String> out = new TreeMap<>();
        Set<String> taken = new HashSet<>();
        for (String source : new TreeSet<>(sources)) {
            String base = source.substring(source.lastIndexOf('/') + 1).replaceFirst("\\.[^.]*$", "");
            if (base.isEmpty()) base = "imported";
            String name = base + ".yaml";
            for (int n = 2; !taken.add(name); n++) name = base + "-" + n + ".yaml";
            out.put(source, name);
        }
        return out;
    }

    /** The YAML text of some documents, with a first comment line naming what made it. */
    public static String yaml(String command, String source, List<ImportedDocument> documents) {
        StringWriter out = new StringWriter();
        out.write("# Written by 'continuity " + command + "' from " + dev.continuity.engine.text.Text.escape(source)
                + "; each document's x-source names what it came from.\n");
        try (var gen = YAML.getFactory().createGenerator(out)) {
            for (ImportedDocument d : documents) YAML.writeTree(gen, tree(d.document()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static JsonNode tree(YNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof YMap m) {
            ObjectNode o = f.objectNode();
            for (YEntry e : m.entries().values()) o.set(e.key(), tree(e.value()));
            return o;
        }
        if (node instanceof YSeq s) {
            ArrayNode a = f.arrayNode();
            for (YNode item : s.items()) a.add(tree(item));
            return a;
        }
        YScalar s = (YScalar) node;
        return switch (s.token()) {
            case VALUE_TRUE -> f.booleanNode(true);
            case VALUE_FALSE -> f.booleanNode(false);
            case VALUE_NUMBER_INT -> f.numberNode(Long.parseLong(s.text()));
            case VALUE_NUMBER_FLOAT -> f.numberNode(Double.parseDouble(s.text()));
            case VALUE_NULL -> f.nullNode();
            default -> f.textNode(s.text());
        };
    }
}
