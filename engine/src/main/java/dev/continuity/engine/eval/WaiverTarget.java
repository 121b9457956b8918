package dev.continuity.engine.eval;

import dev.continuity.engine.model.Waiver;

/**
 * Derived fact for every unexpired Waiver: the finding it names, in the form {@link Waivers#key}
 * compares, and whether an earlier unexpired waiver names the same finding (then this one
 * matches nothing: the first declared applies).
 *
 * @param shadowedBy the id of the earlier waiver of the same finding, or null
 */
public record WaiverTarget(Waiver waiver, String rule, String subject, String detail, String shadowedBy) {
    public boolean isShadowed() {
        return shadowedBy != null;
    }
}
