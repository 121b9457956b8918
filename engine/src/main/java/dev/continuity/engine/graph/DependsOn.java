package dev.continuity.engine.graph;

import dev.continuity.engine.model.Criticality;
import dev.continuity.engine.model.Dur;

/**
 * Derived fact: {@code service} lists {@code target} directly in dependsOn; {@code criticality} is
 * the service's, {@code targetKind} the target's kind ("Service", "DataStore" or "Vendor"), so that
 * a rule about one kind of dependency reads only those. It carries what DAT-001 and VND-002 compare
 * across it: the service's {@code rpo} and {@code rto}, a data store's best recovery point
 * ({@code targetRecoveryPoint}: 0 with a sync replica, else the smallest maxLag of an async replica
 * or frequency of a backup; null, infinite, with no replica or backup, and for other targets), and a
 * vendor's {@code targetSlaRto} (null when it has none, and for other targets).
 */
public record DependsOn(String service, String target, Criticality criticality, String targetKind, Dur rpo,
                        Dur targetRecoveryPoint, Dur rto, Dur targetSlaRto) {
}
