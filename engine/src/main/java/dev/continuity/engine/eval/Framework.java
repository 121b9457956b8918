package dev.continuity.engine.eval;

import java.util.Arrays;
import java.util.Locale;

/**
 * A framework a rule's controls map to (rules.md v2, "Framework mappings"): selected with
 * {@code --framework}, named by the prefix of its controls in rule metadata ({@code DORA Art. 12(6)}).
 */
public enum Framework {
    DORA("dora", "DORA", "Regulation (EU) 2022/2554 (DORA), with RTS 2024/1774"),
    NIS2("nis2", "NIS2", "Implementing Regulation (EU) 2024/2690 (NIS2), annex section"),
    SOC2("soc2", "SOC2", "AICPA Trust Services Criteria 2017 (SOC 2), availability"),
    UK("uk", "UK", "PRA SS1/21 (UK operational resilience)"),
    ISO22301("iso22301", "ISO", "ISO 22301:2019"),
    NIST_800_53("nist-800-53", "53", "NIST SP 800-53 Rev. 5"),
    CSF("csf", "CSF", "NIST CSF 2.0"),
    FFIEC("ffiec", "FF", "FFIEC BCM booklet (2019)");

    private final String option;
    private final String prefix;
    private final String title;

    Framework(String option, String prefix, String title) {
        this.option = option;
        this.prefix = prefix;
        this.title = title;
    }

    /** The name --framework takes: dora, nis2, soc2, uk, iso22301, nist-800-53, csf, ffiec. */
    public String option() {
        return option;
    }

    /** The prefix of its controls in rule metadata: DORA, NIS2, SOC2, UK, ISO, 53, CSF, FF. */
    public String prefix() {
        return prefix;
    }

    public String title() {
        return title;
    }

    /** True when the control belongs to this framework. */
    public boolean covers(String control) {
        return control.startsWith(prefix + " ");
    }

    /** True when a rule maps to this framework. */
    public boolean maps(RuleInfo r) {
        return r.controls().stream().anyMatch(this::covers);
    }

    /** Parses an option value; throws IllegalArgumentException listing the valid ones. */
    public static Framework parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (Framework f : values()) if (f.option.equals(v)) return f;
        throw new IllegalArgumentException("unknown framework '" + dev.continuity.engine.text.Text.escape(value) + "'; expected one of: "
                + String.join(", ", Arrays.stream(values()).map(Framework::option).toList()));
    }

    /** Parses option values (null is none), sorted and without repeats; throws on the first unknown one. */
    public static java.util.SortedSet<Framework> parseAll(java.util.Collection<String> values) {
        java.util.SortedSet<Framework> out = new java.util.TreeSet<>();
        if (values != null) for (String v : values) out.add(parse(v));
        return out;
    }

    /** One requirement of a framework that rules map to, its rules, and its state in this run. */
    public record Coverage(Framework framework, String requirement, java.util.List<String> rules, State state) {
        public enum State {
            PASS("pass"), FAIL("fail"), WAIVED("waived");

            private final String label;

            State(String label) {
                this.label = label;
            }

            public String label() {
                return label;
            }
        }
    }
}
