package dev.continuity.engine.eval;

import dev.continuity.engine.model.Waiver;

import java.time.LocalDate;
import java.util.*;

/**
 * The one place waiver state is decided (rules.md, "A waiver matches a finding"): a waiver matches
 * the finding with its rule, subject and detail (no detail: the finding's detail is empty), ignoring
 * case; of two unexpired waivers of one finding the one declared first applies. The rule WVR-002,
 * the evaluation and every report use what this class decides.
 */
public final class Waivers {
    private final Map<Key, Waiver> applicable = new HashMap<>();
    private final List<WaiverTarget> targets = new ArrayList<>();

    /** A finding as waivers name it. */
    public record Key(String rule, String subject, String detail) {
    }

    /** @param waivers in declaration order (files sorted, then document order) */
    public Waivers(List<Waiver> waivers, LocalDate asOf) {
        for (Waiver w : waivers) {
            if (w.expires().isBefore(asOf)) continue;
            Key k = key(w.rule(), w.subject(), w.detail());
            Waiver first = applicable.putIfAbsent(k, w);
            targets.add(new WaiverTarget(w, k.rule(), k.subject(), k.detail(), first == null ? null : first.id()));
        }
    }

    public static Key key(String rule, String subject, String detail) {
        return new Key(RuleInfo.normalizeId(rule), subject.strip().toLowerCase(Locale.ROOT),
                detail == null ? "" : detail.strip().toLowerCase(Locale.ROOT));
    }

    /** The waiver that applies to a finding, if any (WVR findings are never waived). */
    public Optional<Waiver> forFinding(String rule, String subject, String detail) {
        if (rule.startsWith("WVR-")) return Optional.empty();
        return Optional.ofNullable(applicable.get(key(rule, subject, detail)));
    }

    /** One fact per unexpired waiver, for WVR-002. */
    public List<WaiverTarget> targets() {
        return List.copyOf(targets);
    }

    /** WVR-002's message: why the waiver matches nothing, and the details that do exist for its rule and subject. */
    public static String unmatched(WaiverTarget t, Collection<String> details) {
        Waiver w = t.waiver();
        String named = w.rule() + " for " + Finding.label(w.subject(), t.detail());
        if (t.isShadowed()) {
            return "waiver " + w.id() + " names " + named + ", which the earlier waiver " + t.shadowedBy() + " already waives";
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(details));
        if (sorted.isEmpty()) return "waiver " + w.id() + " names " + named + ", which has no finding";
        String existing = String.join(", ", sorted.stream().map(d -> d.isEmpty() ? "(no detail)" : d).toList());
        return "waiver " + w.id() + " names " + named + ", which has no finding; the findings of " + w.rule() + " for "
                + w.subject() + " have the detail" + (sorted.size() == 1 ? " " : "s ") + existing;
    }

    /** State of one waiver in a run: what every report shows. */
    public enum State {
        IN_FORCE("in force"), EXPIRED("expired"), MATCHES_NOTHING("matches nothing"), RULE_NOT_RUN("rule not run");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A waiver and its state; {@code finding} is the fingerprint of the finding it waives, when in force. */
    public record Status(Waiver waiver, State state) {
    }
}
