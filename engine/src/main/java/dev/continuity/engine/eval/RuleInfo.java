package dev.continuity.engine.eval;

import dev.continuity.engine.model.Severity;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A rule's metadata, read from its DRL annotations: the single place each is written. */
/**
 * @param at where a finding of the rule points when the rule does not say otherwise (rules.md v2,
 *           "Where a finding points"): field paths of the subject, the first present one wins
 *           ({@code failover.site|sites}); null: the subject's document. Optional metadata {@code @at}.
 */
public record RuleInfo(String id, Severity severity, String title, List<String> controls, String remediation,
                       String condition, String rationale, String at) {

    public RuleInfo(String id, Severity severity, String title, List<String> controls, String remediation,
                    String condition, String rationale) {
        this(id, severity, title, controls, remediation, condition, rationale, null);
    }

    /** The order of the control sources in reports: ISO 22301 first, then NIST, then FFIEC, then the regulations. */
    private static final List<String> SOURCE_ORDER = List.of("ISO", "CSF", "53", "34", "61", "FF", "DORA", "NIS2", "SOC2", "UK");

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d+");

    /** Orders controls by source (SOURCE_ORDER), then by their code, numbers compared as numbers. */
    public static final java.util.Comparator<String> CONTROL_ORDER = java.util.Comparator
            .comparingInt((String c) -> {
                int i = SOURCE_ORDER.indexOf(c.contains(" ") ? c.substring(0, c.indexOf(' ')) : c);
                return i < 0 ? SOURCE_ORDER.size() : i;
            })
            .thenComparing(RuleInfo::naturalKey);

    private static String naturalKey(String s) {
        java.util.regex.Matcher m = NUMBER.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, String.format("%08d", Long.parseLong(m.group())));
        m.appendTail(sb);
        return sb.toString();
    }

    /** A rule id as an inventory writes it (waivers, rule settings), as the pack names it: trimmed, upper case. */
    public static String normalizeId(String written) {
        return written.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** Metadata keys every rule must carry. */
    public static final List<String> REQUIRED = List.of("id", "severity", "title", "controls", "remediation", "condition", "rationale");

    /** Reads the metadata of a rule; throws when a key is missing or malformed. */
    public static RuleInfo of(String ruleName, Map<String, Object> meta) {
        for (String k : REQUIRED) {
            if (!(meta.get(k) instanceof String) ) {
                throw new IllegalStateException("rule '" + ruleName + "' lacks @" + k + "(\"...\")");
            }
        }
        Severity severity;
        try {
            severity = Severity.valueOf(((String) meta.get("severity")).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("rule '" + ruleName + "' has an unknown @severity " + meta.get("severity"));
        }
        String controls = ((String) meta.get("controls")).strip();
        return new RuleInfo((String) meta.get("id"), severity, (String) meta.get("title"),
                controls.isEmpty() ? List.of() : Arrays.stream(controls.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                (String) meta.get("remediation"), (String) meta.get("condition"), (String) meta.get("rationale"),
                meta.get("at") instanceof String at && !at.isBlank() ? at.strip() : null);
    }

    /** The same rule with another severity (Policy.ruleSettings). */
    public RuleInfo withSeverity(Severity s) {
        return new RuleInfo(id, s, title, controls, remediation, condition, rationale, at);
    }

    /** The family, e.g. NET for NET-001. */
    public String family() {
        int dash = id.indexOf('-');
        return dash < 0 ? id : id.substring(0, dash);
    }
}
