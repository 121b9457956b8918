package dev.continuity.engine.eval;

import dev.continuity.engine.model.Inventory;
import dev.continuity.engine.model.Severity;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The findings of one evaluation, sorted by severity, rule, subject, detail.
 *
 * @param rules   the rules that ran, by id, with their effective severity (reports that list checks,
 *                such as JUnit, show the rules without findings too)
 * @param run     what ran and how: skipped rules, severity settings, custom rules, baseline
 * @param waivers every waiver of the inventory with its state, as decided by {@link Waivers}
 * @param recoveries the recovery time rec(S) of every service and what limits it (rules.md v2, Terms)
 * @param coverage   per requirement of the frameworks selected with --framework: its rules and state
 */
public record Result(Inventory inventory, LocalDate asOf, List<Finding> findings, Timings timings, List<RuleInfo> rules,
                     Run run, List<Waivers.Status> waivers, List<dev.continuity.engine.graph.Recovery> recoveries,
                     List<Framework.Coverage> coverage) {

    public Result(Inventory inventory, LocalDate asOf, List<Finding> findings, Timings timings, List<RuleInfo> rules,
                  Run run, List<Waivers.Status> waivers, List<dev.continuity.engine.graph.Recovery> recoveries) {
        this(inventory, asOf, findings, timings, rules, run, waivers, recoveries, List.of());
    }

    public Result(Inventory inventory, LocalDate asOf, List<Finding> findings, Timings timings, List<RuleInfo> rules,
                  Run run, List<Waivers.Status> waivers) {
        this(inventory, asOf, findings, timings, rules, run, waivers, List.of());
    }

    /** Where the time went, in milliseconds: loading (when known), derived facts (graph/), the rule session. */
    public record Timings(long loadMillis, long deriveMillis, long rulesMillis) {
    }

    Result withLoadMillis(long millis) {
        return new Result(inventory, asOf, findings, new Timings(millis, timings.deriveMillis(), timings.rulesMillis()), rules, run, waivers, recoveries, coverage);
    }

    Result withInventory(Inventory inv) {
        return new Result(inv, asOf, findings, timings, rules, run, waivers, recoveries, coverage);
    }

    /** Open findings by severity, every severity present (zero when none). */
    public Map<Severity, Integer> openCounts() {
        Map<Severity, Integer> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) m.put(s, 0);
        for (Finding f : findings) if (f.isOpen()) m.merge(f.rule().severity(), 1, Integer::sum);
        return m;
    }

    /** "18 open findings (4 critical, 10 high, 3 medium, 1 low)": the phrase every report uses. */
    public String openSummary() {
        Map<Severity, Integer> counts = openCounts();
        int open = counts.values().stream().mapToInt(Integer::intValue).sum();
        return open + (open == 1 ? " open finding (" : " open findings (")
                + String.join(", ", counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().yaml()).toList()) + ")";
    }

    /** The rules that ran and gave no finding, by id: what passed. */
    public List<RuleInfo> passedRules() {
        java.util.Set<String> fired = new java.util.HashSet<>();
        for (Finding f : findings) fired.add(f.rule().id());
        return rules.stream().filter(r -> !fired.contains(r.id())).toList();
    }

    public long count(Status status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }

    /** True when an open finding is at or above the threshold: the verdict. */
    public boolean failed(Threshold threshold) {
        return findings.stream().anyMatch(f -> f.isOpen() && threshold.fails(f.rule().severity()));
    }

    /** The same, for a severity (at or above it fails). */
    public boolean failed(Severity failOn) {
        return failed(Threshold.valueOf(failOn.name()));
    }

    /**
     * The summary sentence every report and front end uses: "18 open findings (4 critical, 10 high,
     * 3 medium, 1 low), 1 waived · fail on low · 60 resources in 11 files · as of 2026-11-22".
     */
    public String summary(Threshold threshold) {
        StringBuilder sb = new StringBuilder(openSummary());
        long waived = count(Status.WAIVED), baseline = count(Status.BASELINE);
        if (waived > 0) sb.append(", ").append(waived).append(" waived");
        if (baseline > 0) sb.append(", ").append(baseline).append(" baseline");
        sb.append(" · fail on ").append(threshold.label());
        int files = inventory.files().size();
        sb.append(" · ").append(inventory.size()).append(" resources in ").append(files).append(files == 1 ? " file" : " files");
        sb.append(" · as of ").append(asOf);
        return sb.toString();
    }
}
