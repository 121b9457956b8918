package dev.continuity.engine.load;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.continuity.engine.model.Dur;
import dev.continuity.engine.model.SemVer;
import dev.continuity.engine.text.Text;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The scalar value types of the inventory, each defined once: how it is parsed, what the message
 * says is valid, and its JSON Schema. The loader and {@code continuity schema} both use these, so
 * they cannot disagree on what a version or a duration is. Strings and enums are the binder's own
 * (references, names, enum aliases), but their "what is valid" text and schema come from here too.
 */
public enum ValueType {
    STRING("a string") {
        @Override
        Object parse(String text, JsonToken token) {
            return text;
        }

        @Override
        ObjectNode schema() {
            return node("string");
        }
    },
    BOOLEAN("true or false") {
        @Override
        Object parse(String text, JsonToken token) {
            if ((token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE)) {
                if (text.equalsIgnoreCase("true")) return true;
                if (text.equalsIgnoreCase("false")) return false;
            }
            if (YAML11_BOOLEANS.contains(text.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(Text.quote(text) + " is a boolean only in YAML 1.1 and a string in YAML 1.2: write true or false");
            }
            throw new IllegalArgumentException("expected true or false, found " + Text.quote(text));
        }

        @Override
        ObjectNode schema() {
            return node("boolean");
        }
    },
    /** A count: a whole number, 0 or more. */
    INTEGER("a whole number of 0 or more") {
        @Override
        Object parse(String text, JsonToken token) {
            if (token != JsonToken.VALUE_NUMBER_INT || !WHOLE.matcher(text).matches()) throw new IllegalArgumentException(numberProblem(text, this));
            int n;
            try {
                n = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(Text.quote(text) + " is too large");
            }
            if (n < 0) throw new IllegalArgumentException(Text.quote(text) + " is negative; expected a count of 0 or more");
            return n;
        }

        @Override
        ObjectNode schema() {
            return node("integer").put("minimum", 0);
        }
    },
    /** A bandwidth or a size: a finite number, 0 or more. */
    NUMBER("a number of 0 or more") {
        @Override
        Object parse(String text, JsonToken token) {
            if ((token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) || !DECIMAL.matcher(text).matches()) {
                throw new IllegalArgumentException(numberProblem(text, this));
            }
            double d = Double.parseDouble(text);
            if (!Double.isFinite(d)) throw new IllegalArgumentException(Text.quote(text) + " is too large; expected a finite number");
            if (d < 0) throw new IllegalArgumentException(Text.quote(text) + " is negative; expected a number of 0 or more");
            return d;
        }

        @Override
        ObjectNode schema() {
            return node("number").put("minimum", 0);
        }
    },
    DATE("a date (YYYY-MM-DD)") {
        @Override
        Object parse(String text, JsonToken token) {
            return parsed(text, Dates::parse);
        }

        @Override
        ObjectNode schema() {
            return node("string").put("format", "date").put("pattern", "^" + Dates.PATTERN + "$");
        }
    },
    DURATION("an ISO-8601 duration (e.g. PT15M, PT4H, P3D, P6M, P1Y)") {
        @Override
        Object parse(String text, JsonToken token) {
            return parsed(text, Dur::parse);
        }

        @Override
        ObjectNode schema() {
            return node("string").put("pattern", "^" + Dur.PATTERN + "$").put("description", "ISO-8601 duration");
        }
    },
    VERSION("a semantic version (MAJOR.MINOR.PATCH, e.g. 2.1.0)") {
        @Override
        Object parse(String text, JsonToken token) {
            return SemVer.parse(text);
        }

        @Override
        ObjectNode schema() {
            return node("string").put("pattern", "^" + SemVer.PATTERN + "$").put("description", "semantic version (SemVer 2.0.0)");
        }
    },
    ENUM("one of the listed values") {
        @Override
        Object parse(String text, JsonToken token) {
            throw new UnsupportedOperationException("enums are bound with their aliases by the binder");
        }

        @Override
        ObjectNode schema() {
            return node("string");
        }
    };

    private static final Pattern WHOLE = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final Set<String> YAML11_BOOLEANS = Set.of("yes", "no", "on", "off", "y", "n");

    private final String expected;

    ValueType(String expected) {
        this.expected = expected;
    }

    /** Parses a scalar; throws IllegalArgumentException whose message says what is wrong and what is valid. */
    abstract Object parse(String text, JsonToken token);

    /** The JSON Schema of the type. */
    abstract ObjectNode schema();

    /** What a valid value is, for messages: "a whole number of 0 or more". */
    public String expected() {
        return expected;
    }

    /**
     * Dates and durations as parsed before: an inventory writes the same few hundred again and
     * again (every rto, retention, review date), and each parse runs regular expressions. The
     * values are immutable; at most 4096 are kept, so that odd input cannot grow it without bound.
     */
    private static final Map<String, Object> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Object parsed(String text, java.util.function.Function<String, Object> parse) {
        Object v = PARSED.get(text);
        if (v != null) return v;
        v = parse.apply(text); // throws for a value that is not one: never kept
        if (PARSED.size() < 4096) PARSED.put(text, v);
        return v;
    }

    /** The value type of a Java type of the model; null for lists, maps and records. */
    public static ValueType of(Class<?> raw) {
        if (raw == String.class) return STRING;
        if (raw == boolean.class || raw == Boolean.class) return BOOLEAN;
        if (raw == Integer.class || raw == int.class) return INTEGER;
        if (raw == Double.class || raw == double.class) return NUMBER;
        if (raw == LocalDate.class) return DATE;
        if (raw == Dur.class) return DURATION;
        if (raw == SemVer.class) return VERSION;
        if (raw.isEnum()) return ENUM;
        return null;
    }

    private static ObjectNode node(String type) {
        return JsonNodeFactory.instance.objectNode().put("type", type);
    }

    private static String numberProblem(String text, ValueType t) {
        if (text.matches("[-+]?0[0-9]+")) {
            return Text.quote(text) + " has a leading zero (YAML 1.1 reads it as octal): write it without the zero";
        }
        return "expected " + t.expected() + ", found " + Text.quote(text);
    }
}
