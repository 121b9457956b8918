package dev.continuity.engine.eval;

import dev.continuity.engine.model.Inventory;
import dev.continuity.engine.model.Location;
import dev.continuity.engine.model.Resource;
import org.kie.api.runtime.rule.RuleContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way a rule reports a finding: {@code findings.report(drools, $subject, detail, message)}
 * in a consequence. The rule's id, severity, title, controls and remediation come from the rule's
 * own metadata, so nothing is written twice. A rule reports once per distinct (subject, detail).
 */
public final class Findings {
    private final Map<String, Finding> found = new LinkedHashMap<>();
    private final RulePack pack;
    private final Inventory inventory;

    Findings(RulePack pack, Inventory inventory) {
        this.pack = pack;
        this.inventory = inventory;
    }

    /**
     * Where a field of a resource was written ({@code slaRto}, {@code backups[1]}), for a rule
     * whose finding points at a field that its {@code @at} cannot name; null when absent (the
     * finding then points at its subject's document).
     */
    public Location at(Resource r, String path) {
        return r == null ? null : inventory.at(r, path);
    }

    /**
     * The resource with this id (null when there is none), for the subject of a finding:
     * {@code $s : Service() from findings.subject($id)} looks up the one service a finding is about
     * when a derived fact names it, where {@code Service( id == $id )} would index every service in
     * the rule's memory, on every inventory, even one where the rule never fires (docs/development.md).
     */
    public Resource subject(String id) {
        return id == null ? null : inventory.get(id).orElse(null);
    }

    /** The same, for a resource named by its id (null: none). */
    public Location at(String resourceId, String path) {
        return resourceId == null ? null : inventory.get(resourceId).map(r -> inventory.at(r, path)).orElse(null);
    }

    public void report(org.drools.model.Drools drools, Object subject, String detail, String message, Location at) {
        report((RuleContext) drools, subject, detail, message, at);
    }

    // The executable model passes org.drools.model.Drools, plain DRL a RuleContext; both are RuleContexts.
    public void report(org.drools.model.Drools drools, Object subject) {
        report((RuleContext) drools, subject, "", null);
    }

    public void report(org.drools.model.Drools drools, Object subject, String detail) {
        report((RuleContext) drools, subject, detail, null);
    }

    public void report(org.drools.model.Drools drools, Object subject, String detail, String message) {
        report((RuleContext) drools, subject, detail, message);
    }

    public void report(RuleContext ctx, Object subject) {
        report(ctx, subject, "", null);
    }

    public void report(RuleContext ctx, Object subject, String detail) {
        report(ctx, subject, detail, null);
    }

    /**
     * @param subject the Resource the finding names, or a plain string (e.g. a scenario name), located at the Policy
     * @param detail  the second party for rules that pair two things, else ""
     * @param message what a person reads; null for the rule's title
     */
    public void report(RuleContext ctx, Object subject, String detail, String message) {
        report(ctx, subject, detail, message, null);
    }

    /**
     * @param at where the finding points; null: the rule's {@code @at} fields of the subject, else
     *           the subject's document (rules.md v2, "Where a finding points")
     */
    public void report(RuleContext ctx, Object subject, String detail, String message, Location at) {
        RuleInfo info = pack.info(ctx.getRule());
        String id;
        String kind;
        Resource located;
        if (subject instanceof Resource r) {
            id = r.id();
            kind = r.kind();
            located = r;
        } else {
            // a subject that is no resource (EX-003's scenario) points into the declared Policy, if any
            id = String.valueOf(subject);
            kind = "";
            located = inventory.hasDeclaredPolicy() ? inventory.policy() : null;
        }
        Location location = at;
        if (location == null && located != null && info.at() != null) {
            for (String path : info.at().split("\\|")) {
                location = inventory.at(located, path.strip());
                if (location != null) break;
            }
        }
        if (location == null && located != null) location = located.location();
        String d = detail == null ? "" : detail;
        String key = info.id() + '\u0000' + id + '\u0000' + d;
        if (found.putIfAbsent(key, new Finding(info, id, kind, d, message == null ? info.title() : message, location, Status.OPEN, null)) == null) {
            Waivers.Key k = Waivers.key(info.id(), id, d);
            ctx.getKieRuntime().insert(new Found(k.rule(), k.subject(), k.detail()));
        }
    }

    List<Finding> all() {
        return List.copyOf(found.values());
    }
}
