package dev.continuity.engine.eval;

import dev.continuity.engine.model.Severity;
import dev.continuity.engine.model.YamlEnum;

import java.util.Arrays;
import java.util.Locale;

/** The lowest severity of an open finding that fails a check ({@code --fail-on}, {@code <failOn>}), or never. */
public enum Threshold implements YamlEnum {
    CRITICAL, HIGH, MEDIUM, LOW, NEVER;

    /** Parses critical, high, medium, low or never, in any case; throws IllegalArgumentException with what is valid. */
    public static Threshold parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (Threshold t : values()) if (t.yaml().equals(v)) return t;
        throw new IllegalArgumentException("must be critical, high, medium, low or never, not '"
                + dev.continuity.engine.text.Text.escape(String.valueOf(value)) + "'");
    }

    /** The label every report shows: critical, high, medium, low or never. */
    public String label() {
        return yaml();
    }

    /** True when an open finding of this severity fails the check. */
    public boolean fails(Severity s) {
        return this != NEVER && s.atLeast(Severity.valueOf(name()));
    }

    /** The names, for help texts. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Threshold::label).toList());
    }
}
