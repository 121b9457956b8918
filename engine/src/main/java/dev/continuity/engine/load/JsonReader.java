package dev.continuity.engine.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.continuity.engine.load.YNode.*;
import dev.continuity.engine.model.Location;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads one JSON value (Terraform's {@code terraform show -json}) into located nodes, with the
 * same node types as YAML, so that importers can say where every value they use was written.
 * Duplicate keys are refused; errors are located.
 */
public final class JsonReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(YamlReader.MAX_CODE_POINTS)
                    .maxNestingDepth(200)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String file;
    private JsonParser parser;

    public JsonReader(String file) {
        this.file = file;
    }

    /** The value, or null with an error added when the text is not one JSON value. */
    public YNode read(Reader in, List<InputError> errors) {
        try (JsonParser p = FACTORY.createParser(in)) {
            parser = p;
            JsonToken t = p.nextToken();
            if (t == null) {
                errors.add(new InputError(file, 1, 1, "not valid JSON: the file is empty"));
                return null;
            }
            YNode root = value(t);
            if (p.nextToken() != null) {
                Location at = here();
                errors.add(InputError.at(at, "not valid JSON: more than one value in the file"));
                return null;
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            errors.add(new InputError(file, l == null ? 1 : Math.max(1, l.getLineNr()), l == null ? 1 : Math.max(1, l.getColumnNr()),
                    "not valid JSON: " + YamlReader.firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            errors.add(new InputError(file, 0, 0, "cannot read: " + dev.continuity.engine.text.Text.escape(String.valueOf(e.getMessage()))));
        }
        return null;
    }

    private YNode value(JsonToken t) throws IOException {
        Location at = here();
        return switch (t) {
            case START_OBJECT -> {
                LinkedHashMap<String, YEntry> entries = new LinkedHashMap<>();
                while (parser.nextToken() != JsonToken.END_OBJECT) {
                    String key = parser.currentName();
                    Location keyAt = here();
                    entries.put(key, new YEntry(key, keyAt, value(parser.nextToken())));
                }
                yield new YMap(at, entries);
            }
            case START_ARRAY -> {
                List<YNode> items = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) items.add(value(next));
                yield new YSeq(at, items);
            }
            default -> new YScalar(at, t == JsonToken.VALUE_NULL ? "" : parser.getText(), t);
        };
    }

    private Location here() {
        return YamlReader.at(file, parser);
    }
}
