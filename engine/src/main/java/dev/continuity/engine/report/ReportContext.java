package dev.continuity.engine.report;

import dev.continuity.engine.eval.Result;
import dev.continuity.engine.model.Severity;

/**
 * What every reporter is given.
 *
 * @param failOn lowest severity of an open finding that fails the check; null for never
 * @param colour the text report may use ANSI colours (a terminal)
 */
public record ReportContext(Result result, Severity failOn, boolean colour) {
    /** Every rule that ran, by id. */
    public java.util.List<dev.continuity.engine.eval.RuleInfo> rules() {
        return result.rules();
    }

    public boolean failed() {
        return result.failed(failOn);
    }

    /** The threshold as the options spell it: critical, high, medium, low or never. */
    public String failOnLabel() {
        return failOn == null ? "never" : failOn.yaml();
    }

    /** What was checked, one sentence a line (interfaces.md v2): the same in every format written for a person. */
    public java.util.List<String> checked() {
        return result.run().describe(result.rules().size(), failOnLabel(), result.inventory().sha256());
    }
}
