package dev.continuity.engine.imports;

import com.fasterxml.jackson.core.JsonToken;
import dev.continuity.engine.load.YNode;
import dev.continuity.engine.load.YNode.*;
import dev.continuity.engine.model.Location;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * Builds one inventory document (or a part of one) as located nodes: every value keeps the place
 * in the source it was derived from, so that a finding on an imported resource points there.
 */
final class Doc {
    private final Location at;
    private final LinkedHashMap<String, YEntry> entries = new LinkedHashMap<>();

    Doc(Location at) {
        this.at = at;
    }

    static YScalar text(String value, Location at) {
        return new YScalar(at, value, JsonToken.VALUE_STRING);
    }

    static YScalar bool(boolean value, Location at) {
        return new YScalar(at, Boolean.toString(value), value ? JsonToken.VALUE_TRUE : JsonToken.VALUE_FALSE);
    }

    static YScalar number(double value, Location at) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? new YScalar(at, Long.toString((long) value), JsonToken.VALUE_NUMBER_INT)
                : new YScalar(at, Double.toString(value), JsonToken.VALUE_NUMBER_FLOAT);
    }

    /** A document's kind, id and x-source (the source address, the file and the line it came from), located there. */
    static Doc document(String kind, String id, String address, Location at) {
        Doc d = new Doc(at).text("kind", kind, at).text("id", id, at);
        return d.put("x-source", new Doc(at).text("address", address, at).text("file", at.file(), at).number("line", at.line(), at).build());
    }

    Doc put(String key, YNode value) {
        entries.put(key, new YEntry(key, value.location(), value));
        return this;
    }

    Doc text(String key, String value, Location where) {
        return value == null ? this : put(key, text(value, where));
    }

    Doc bool(String key, boolean value, Location where) {
        return put(key, bool(value, where));
    }

    Doc number(String key, double value, Location where) {
        return put(key, number(value, where));
    }

    Doc list(String key, List<? extends YNode> items, Location where) {
        return items.isEmpty() ? this : put(key, new YSeq(where, List.copyOf(items)));
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The document; x-source, if any, comes last, after the fields a reader looks for. */
    YMap build() {
        LinkedHashMap<String, YEntry> out = new LinkedHashMap<>(entries);
        YEntry source = out.remove("x-source");
        if (source != null) out.put("x-source", source);
        return new YMap(at, out);
    }
}
