package dev.continuity.engine.report;

import dev.continuity.engine.eval.RuleInfo;

import java.util.List;
import java.util.Map;

/** The rule reference (docs/rules.md and {@code continuity rules --format markdown}), generated from rule metadata. */
public final class RuleCatalog {
    /** What the prefixes of a control mean (rules.md). */
    public static final Map<String, String> SOURCES = Map.of(
            "ISO", "ISO 22301:2019",
            "53", "NIST SP 800-53 Rev. 5",
            "34", "NIST SP 800-34 Rev. 1",
            "61", "NIST SP 800-61",
            "CSF", "NIST CSF 2.0",
            "FF", "FFIEC BCM booklet (2019)",
            "DORA", "Regulation (EU) 2022/2554 (DORA)",
            "NIS2", "Implementing Regulation (EU) 2024/2690 (NIS2), annex section",
            "SOC2", "AICPA Trust Services Criteria 2017 (SOC 2)",
            "UK", "PRA SS1/21 (UK operational resilience)");

    private RuleCatalog() {
    }

    /** "53 CP-8" -> "NIST SP 800-53 Rev. 5 CP-8". */
    public static String expandControl(String control) {
        int space = control.indexOf(' ');
        if (space < 0) return control;
        String source = SOURCES.get(control.substring(0, space));
        return source == null ? control : source + " " + control.substring(space + 1);
    }

    public static String markdown(List<RuleInfo> rules) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Rule reference\n\n")
                .append("Generated from the metadata of the built-in rules (`rules/src/main/resources/dev/continuity/rules/*.drl`)\n")
                .append("by `continuity rules --format markdown`; a test fails when this file is out of date.\n")
                .append("Thresholds come from the inventory's Policy. Controls name the clause a rule gives evidence for:\n");
        SOURCES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append("`").append(e.getKey()).append("` = ").append(e.getValue()).append("; "));
        sb.setLength(sb.length() - 2);
        sb.append(".\n\n| id | severity | title | controls |\n|---|---|---|---|\n");
        for (RuleInfo r : rules) {
            sb.append("| [").append(r.id()).append("](#").append(anchor(r)).append(") | ").append(r.severity().yaml())
                    .append(" | ").append(r.title()).append(" | ").append(String.join("; ", r.controls())).append(" |\n");
        }
        for (RuleInfo r : rules) {
            sb.append("\n## ").append(r.id()).append(" ").append(r.title()).append("\n\n")
                    .append("- **Severity:** ").append(r.severity().yaml()).append("\n")
                    .append("- **Controls:** ").append(r.controls().isEmpty() ? "none" : String.join("; ", r.controls().stream().map(RuleCatalog::expandControl).toList())).append("\n")
                    .append("- **Fires when:** ").append(r.condition()).append("\n")
                    .append("- **Why it matters:** ").append(r.rationale()).append("\n")
                    .append("- **Remediation:** ").append(r.remediation()).append("\n");
        }
        return sb.toString();
    }

    private static String anchor(RuleInfo r) {
        return (r.id() + " " + r.title()).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }
}
