package dev.continuity.engine.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@Doc("An incident response, business continuity or disaster recovery plan.")
public record Plan(String id, String name, String description, Map<String, String> labels, Location location,
        @Doc("Kind of plan") @Required PlanType type,
        @Doc("Semantic version of the plan") @Required SemVer version,
        @Doc("Role or person who owns the plan") @Ref({Role.class, Person.class}) String owner,
        @Doc("Role or person who approved the plan") @Ref({Role.class, Person.class}) String approvedBy,
        @Doc("Date of the last review") LocalDate lastReviewed,
        @Doc("Interval between reviews; default: the policy's planReviewInterval") Dur reviewInterval,
        @Doc("Services the plan covers") @Ref(Service.class) List<String> covers,
        @Doc("Incident response phases the plan has") List<Phase> phases,
        @Doc("Versions of the plan") List<ChangelogEntry> changelog,
        @Doc("Communication plan") Communication communication,
        @Doc("Runbooks") List<Runbook> runbooks,
        @Doc("Providers the plan coordinates with") @Ref(Vendor.class) List<String> thirdParties,
        @Doc("Path of the plan document, relative to this file; must exist") @FileRef String document,
        @Doc("Site where a copy is kept that survives an outage") @Ref(Site.class) String offlineCopy,
        @Doc("When the plan is invoked and stood down") Activation activation,
        @Doc("The order in which covered services are brought back") @Ref(Service.class) List<String> recoveryOrder)
        implements Resource {

    /** rules.md (PLN-003): the latest changelog entry, or null. */
    public ChangelogEntry latestChange() {
        return Dated.latest(changelog);
    }

    /** rules.md (PLN-003): in date order, every version is greater than the one before. */
    public boolean isChangelogIncreasing() {
        return SemVer.strictlyIncreasing(Dated.inDateOrder(changelog).stream().map(ChangelogEntry::version).toList());
    }

    /**
     * PLN-003, named once: what keeps the plan out of change control, in words, or null when it is
     * under change control (a changelog whose latest entry is the plan's version, versions increasing in date order).
     */
    public String changeControlProblem() {
        if (changelog.isEmpty()) return "has no changelog";
        ChangelogEntry latest = latestChange();
        if (!latest.version().samePrecedence(version)) {
            return "is at version " + version + " but its latest changelog entry is " + latest.version();
        }
        if (!isChangelogIncreasing()) return "has changelog versions that do not increase in date order";
        return null;
    }

    /** PLN-002's verdict on a plan: why it is stale or unapproved, and whether lastReviewed is what decided it. */
    public record ReviewProblem(String why, boolean stale) {
    }

    /**
     * PLN-002, named once: the plan has never been reviewed, its review interval (default: the
     * policy's) has run out by asOf, or it has no owner or approver; null when none of these holds.
     */
    public ReviewProblem reviewProblem(java.time.LocalDate asOf, Dur defaultInterval) {
        Dur interval = reviewInterval != null ? reviewInterval : defaultInterval;
        if (lastReviewed == null) return new ReviewProblem("has never been reviewed", false);
        if (interval.addTo(lastReviewed).isBefore(asOf)) {
            return new ReviewProblem("was last reviewed on " + lastReviewed + ", more than " + interval + " ago", true);
        }
        if (owner == null) return new ReviewProblem("has no owner", false);
        if (approvedBy == null) return new ReviewProblem("has no approver", false);
        return null;
    }

    /** COM-001, named once: what the communication plan lacks, in words, or null (a contact tree and every stakeholder group). */
    public String communicationProblem(List<String> stakeholderGroups) {
        if (getContactTree().isEmpty()) return "has no contact tree";
        List<String> stakeholders = getStakeholders();
        List<String> missing = null; // (a loop: this runs for every plan of every check)
        for (String g : stakeholderGroups) {
            if (stakeholders.contains(g)) continue;
            if (missing == null) missing = new java.util.ArrayList<>();
            missing.add(g);
        }
        return missing == null ? null : "does not inform the stakeholder group(s) " + String.join(", ", missing);
    }

    /** The communication plan's channels, empty when there is none. */
    public List<String> getChannels() {
        return communication == null ? List.of() : communication.channels();
    }

    /** The communication plan's contact tree, empty when there is none. */
    public List<String> getContactTree() {
        return communication == null ? List.of() : communication.contactTree();
    }

    /** The communication plan's stakeholder groups, empty when there is none. */
    public List<String> getStakeholders() {
        return communication == null ? List.of() : communication.stakeholders();
    }
}
