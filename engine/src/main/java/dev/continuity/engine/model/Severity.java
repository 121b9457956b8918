package dev.continuity.engine.model;

/** Severity of a rule or of an exercise finding, most severe first. */
public enum Severity implements YamlEnum {
    CRITICAL, HIGH, MEDIUM, LOW;

    /**
     * A --fail-on / failOn threshold: critical, high, medium or low (any case), or never (null).
     * Throws IllegalArgumentException on anything else.
     */
    public static Severity failOn(String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (v.equals("never")) return null;
        for (Severity s : values()) if (s.yaml().equals(v)) return s;
        throw new IllegalArgumentException("must be critical, high, medium, low or never, not '" + value + "'");
    }

    /** True when this severity is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
