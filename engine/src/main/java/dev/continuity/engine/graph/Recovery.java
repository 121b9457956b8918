package dev.continuity.engine.graph;

import dev.continuity.engine.model.Criticality;
import dev.continuity.engine.model.Dur;
import dev.continuity.engine.model.Service;

/**
 * Derived fact (rules.md v2, Terms): the recovery time rec(S) of a service, the best case the
 * inventory can prove, and its limiting component (the service's own id, or the id of the
 * dependency whose value it is). {@code time} is null when no value is declared at all. It carries
 * what SVC-005 holds it against: the service's {@code criticality} and {@code mtd}.
 */
public record Recovery(String service, Dur time, String limiting, Criticality criticality, Dur mtd) {
    /** rec(S) of service {@code s}: its time (null: none declared) and limiting component, with the service's criticality and mtd. */
    public static Recovery of(Service s, Dur time, String limiting) {
        return new Recovery(s.id(), time, limiting, s.criticality(), s.mtd());
    }

    /** True when the service itself limits (its failover, or it has none). */
    public boolean isSelfLimited() {
        return service.equals(limiting);
    }
}
