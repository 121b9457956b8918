package dev.continuity.engine.model;

/** What a rule setting makes of a rule: a severity, or disabled. */
public enum RuleLevel implements YamlEnum {
    CRITICAL, HIGH, MEDIUM, LOW, DISABLED;

    /** The severity, or null for disabled. */
    public Severity severity() {
        return this == DISABLED ? null : Severity.valueOf(name());
    }
}
