package dev.continuity.engine.report;

import dev.continuity.engine.eval.Result;
import dev.continuity.engine.model.Severity;

/**
 * What every reporter is given.
 *
 * @param threshold lowest severity of an open finding that fails the check, or never
 * @param colour    the text report may use ANSI colours (a terminal)
 * @param linkBase  where Markdown links a finding's file and line (a URL ending before the path), or null
 * @param srcRoot   the absolute directory the reports' relative paths start from (SARIF's %SRCROOT%), or null
 * @param azureBuild the Azure Pipelines build the check runs in, or null
 */
public record ReportContext(Result result, dev.continuity.engine.eval.Threshold threshold, boolean colour, String linkBase,
                            java.nio.file.Path srcRoot, AzureBuild azureBuild) {
    public ReportContext(Result result, dev.continuity.engine.eval.Threshold threshold, boolean colour, String linkBase,
                         java.nio.file.Path srcRoot) {
        this(result, threshold, colour, linkBase, srcRoot, null);
    }

    public ReportContext(Result result, dev.continuity.engine.eval.Threshold threshold, boolean colour) {
        this(result, threshold, colour, null, null, null);
    }

    public ReportContext(Result result, dev.continuity.engine.eval.Threshold threshold, boolean colour, String linkBase) {
        this(result, threshold, colour, linkBase, null, null);
    }

    /** For a severity threshold (at or above it fails). */
    public ReportContext(Result result, Severity failOn, boolean colour) {
        this(result, failOn == null ? dev.continuity.engine.eval.Threshold.NEVER : dev.continuity.engine.eval.Threshold.valueOf(failOn.name()), colour, null, null, null);
    }

    /** The summary sentence (Result#summary). */
    public String summary() {
        return result.summary(threshold);
    }
    /** Every rule that ran, by id. */
    public java.util.List<dev.continuity.engine.eval.RuleInfo> rules() {
        return result.rules();
    }

    public boolean failed() {
        return result.failed(threshold);
    }

    /** The threshold as the options spell it: critical, high, medium, low or never. */
    public String failOnLabel() {
        return threshold.label();
    }

    /** What was checked, one sentence a line (interfaces.md v2): the same in every format written for a person. */
    public java.util.List<String> checked() {
        java.util.List<String> out = new java.util.ArrayList<>(result.run().describe(result.rules().size(), failOnLabel(), result.inventory().sha256()));
        for (var e : coverageByFramework().entrySet()) {
            var states = e.getValue().stream().collect(java.util.stream.Collectors.groupingBy(
                    c -> c.state().label(), java.util.TreeMap::new, java.util.stream.Collectors.counting()));
            out.add("framework " + e.getKey().option() + ": " + e.getValue().size() + " requirements covered ("
                    + String.join(", ", states.entrySet().stream().map(x -> x.getValue() + " " + x.getKey()).toList()) + ")");
        }
        return out;
    }

    /** The coverage tables of the selected frameworks (--framework), in framework order. */
    public java.util.Map<dev.continuity.engine.eval.Framework, java.util.List<dev.continuity.engine.eval.Framework.Coverage>> coverageByFramework() {
        java.util.Map<dev.continuity.engine.eval.Framework, java.util.List<dev.continuity.engine.eval.Framework.Coverage>> out =
                new java.util.EnumMap<>(dev.continuity.engine.eval.Framework.class);
        for (var c : result.coverage()) out.computeIfAbsent(c.framework(), k -> new java.util.ArrayList<>()).add(c);
        return out;
    }
}
