package dev.continuity.engine.graph;

import dev.continuity.engine.model.*;

import java.util.*;

/**
 * The recovery time rec(S) of every service and its limiting component (rules.md v2, Terms), the
 * one computation SVC-005, {@code impact} and the reports share.
 */
public final class Recoveries {
    private Recoveries() {
    }

    /** One Recovery per service, in inventory order. */
    public static List<Recovery> of(Inventory inv) {
        Map<String, Recovery> done = new HashMap<>();
        List<Recovery> out = new ArrayList<>();
        for (Service s : inv.all(Service.class)) out.add(recovery(s.id(), inv, done));
        return out;
    }


    static Recovery recovery(String id, Inventory inv, Map<String, Recovery> done) {
        Recovery known = done.get(id);
        if (known != null) return known;
        Service s = inv.get(id, Service.class).orElseThrow();
        Policy policy = inv.policy();
        // candidates in order: the service itself first, then its dependsOn items: ties go to the first
        List<Map.Entry<String, Dur>> values = new ArrayList<>();
        if (s.failover() == null) {
            values.add(Map.entry(id, Dur.ZERO));
        } else if (s.failover().mode() != FailoverMode.RESTORE) {
            Dur t = policy.failoverTime(s.failover().mode());
            if (t != null) values.add(Map.entry(id, t));
        }
        for (String d : s.dependsOn()) {
            Resource r = inv.get(d).orElseThrow();
            if (r instanceof Service) {
                Recovery rd = recovery(d, inv, done);
                if (rd.time() != null) values.add(Map.entry(d, rd.time()));
            } else if (r instanceof DataStore ds) {
                if (s.failover() != null && s.failover().mode() == FailoverMode.RESTORE) {
                    RestoreTest t = ds.latestPassedRestoreTest();
                    if (t != null && t.duration() != null) values.add(Map.entry(d, t.duration()));
                }
            } else if (r instanceof Vendor v) {
                Dur own = v.slaRto();
                Dur alt = v.alternate() == null ? null : inv.get(v.alternate(), Vendor.class).map(Vendor::slaRto).orElse(null);
                Dur best = own == null ? alt : alt == null ? own : (alt.longerThan(own) ? own : alt);
                if (best != null) values.add(Map.entry(d, best));
            }
        }
        Map.Entry<String, Dur> max = null;
        for (Map.Entry<String, Dur> e : values) if (max == null || e.getValue().longerThan(max.getValue())) max = e;
        Recovery rec = max == null ? Recovery.of(s, null, id) : Recovery.of(s, max.getValue(), max.getKey());
        done.put(id, rec);
        return rec;
    }

}
