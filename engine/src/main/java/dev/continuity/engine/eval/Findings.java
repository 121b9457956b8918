package dev.continuity.engine.eval;

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
    private final Location policyLocation;

    Findings(RulePack pack, Location policyLocation) {
        this.pack = pack;
        this.policyLocation = policyLocation;
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
        RuleInfo info = pack.info(ctx.getRule());
        String id;
        String kind;
        Location location;
        if (subject instanceof Resource r) {
            id = r.id();
            kind = r.kind();
            location = r.location();
        } else {
            id = String.valueOf(subject);
            kind = "";
            location = policyLocation;
        }
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
