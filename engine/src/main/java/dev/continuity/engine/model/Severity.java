package dev.continuity.engine.model;

/** Severity of a rule or of an exercise finding, most severe first. */
public enum Severity implements YamlEnum {
    CRITICAL, HIGH, MEDIUM, LOW;

    /** True when this severity is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
