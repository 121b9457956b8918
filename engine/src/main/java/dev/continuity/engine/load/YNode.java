package dev.continuity.engine.load;

import com.fasterxml.jackson.core.JsonToken;
import dev.continuity.engine.model.Location;

import java.util.LinkedHashMap;
import java.util.List;

/** A YAML (or JSON) node that remembers where it was written; importers build documents from these. */
public sealed interface YNode {
    Location location();

    default String describe() {
        if (this instanceof YMap) return "a mapping";
        if (this instanceof YSeq) return "a list";
        YScalar s = (YScalar) this;
        return s.isNull() ? "nothing" : dev.continuity.engine.text.Text.quote(s.text());
    }

    record YEntry(String key, Location keyLocation, YNode value) {
    }

    record YMap(Location location, LinkedHashMap<String, YEntry> entries) implements YNode {
        public YEntry get(String key) {
            return entries.get(key);
        }
    }

    record YSeq(Location location, List<YNode> items) implements YNode {
    }

    /** A scalar with its text as written and the type YAML resolved it to. */
    record YScalar(Location location, String text, JsonToken token) implements YNode {
        public boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }
    }
}
