package dev.continuity.engine.graph;

import dev.continuity.engine.model.Criticality;
import dev.continuity.engine.model.Dur;

/**
 * Derived fact: Service or Vendor {@code member} is in the dependency closure of {@code service}
 * (reachable through dependsOn, directly or transitively); {@code criticality} is the service's;
 * {@code via} is the index of the first dependsOn item of the service that is the member or holds
 * it in its own closure (where SVC-003 and SVC-004 point). It carries what those rules compare
 * across it: the service's {@code rto}, and a member service's {@code memberRto} and
 * {@code memberCriticality} (null for a vendor).
 */
public record InClosure(String service, String member, boolean memberIsVendor, Criticality criticality, int via,
                        Dur rto, Dur memberRto, Criticality memberCriticality) {
}
