package dev.continuity.engine.graph;

import dev.continuity.engine.model.Criticality;

/** Derived fact: {@code service} lists {@code target} directly in dependsOn; {@code criticality} is the service's. */
public record DependsOn(String service, String target, Criticality criticality) {
}
