package dev.continuity.engine.eval;

import dev.continuity.engine.model.Severity;

import java.util.List;

/**
 * What a check ran, for every report to disclose (interfaces.md v2, "What every report discloses"):
 * the rules that ran and were skipped (by whom, why), severity settings, custom rule files and the
 * baseline. Nothing in a report may pass in silence.
 *
 * @param totalRules every rule of the pack, built-in and custom
 * @param baseline   the baseline used, or null
 */
public record Run(int totalRules, List<Skipped> skipped, List<SeverityChange> severityChanged, List<CustomRuleFile> custom,
                  BaselineUse baseline) {
    public Run {
        skipped = List.copyOf(skipped);
        severityChanged = List.copyOf(severityChanged);
        custom = List.copyOf(custom);
    }

    /** Who skipped a rule. */
    public enum By {
        COMMAND_LINE("command line"), POLICY("policy");

        private final String label;

        By(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A rule that did not run; reason is null when none was given (the command line has none). */
    public record Skipped(String rule, By by, String reason) {
    }

    /** A Policy.ruleSettings severity: from the rule's own severity to the organisation's. */
    public record SeverityChange(String rule, Severity from, Severity to, String reason) {
    }

    /** A user's DRL file: its path as shown, its SHA-256, the ids of its rules. */
    public record CustomRuleFile(String file, String sha256, List<String> rules) {
    }

    /** The baseline file, its SHA-256, and how many findings of this run it matched. */
    public record BaselineUse(String file, String sha256, long matched) {
    }

    /** One plain sentence per item, for the text formats (text, Markdown, the Maven log, HTML). */
    public List<String> describe(int ran, String failOnLabel, String inventorySha256) {
        List<String> out = new java.util.ArrayList<>();
        out.add("rules: " + ran + " of " + totalRules + " ran" + (custom.isEmpty() ? "" : " (" + custom.stream()
                .mapToInt(c -> c.rules().size()).sum() + " custom)") + "; fails on: " + failOnLabel);
        for (Skipped s : skipped) {
            out.add("skipped " + s.rule() + " by " + s.by().label() + (s.reason() == null ? "" : ": " + s.reason()));
        }
        for (SeverityChange c : severityChanged) {
            out.add("severity of " + c.rule() + ": " + c.from().yaml() + " -> " + c.to().yaml() + " (policy: " + c.reason() + ")");
        }
        for (CustomRuleFile c : custom) {
            out.add("custom rules " + c.file() + " (sha256 " + c.sha256() + "): " + String.join(", ", c.rules()));
        }
        out.add(baseline == null ? "baseline: none"
                : "baseline " + baseline.file() + " (sha256 " + baseline.sha256() + ") matched " + baseline.matched()
                + (baseline.matched() == 1 ? " finding" : " findings"));
        out.add("inventory sha256 " + inventorySha256);
        return out;
    }
}
