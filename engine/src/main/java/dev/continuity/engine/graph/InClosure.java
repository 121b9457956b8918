package dev.continuity.engine.graph;

import dev.continuity.engine.model.Criticality;

/**
 * Derived fact: Service or Vendor {@code member} is in the dependency closure of {@code service}
 * (reachable through dependsOn, directly or transitively); {@code criticality} is the service's.
 */
public record InClosure(String service, String member, boolean memberIsVendor, Criticality criticality) {
}
