package dev.continuity.engine.graph;

import dev.continuity.engine.model.Criticality;

/**
 * Derived fact: {@code service} lists {@code target} directly in dependsOn; {@code criticality} is
 * the service's, {@code targetKind} the target's kind ("Service", "DataStore" or "Vendor"), so that
 * a rule about one kind of dependency reads only those.
 */
public record DependsOn(String service, String target, Criticality criticality, String targetKind) {
}
