package dev.continuity.engine.eval;

/** open findings fail the check; waived and baseline findings are reported but never fail. */
public enum Status {
    OPEN, WAIVED, BASELINE;

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
