package dev.continuity.engine.graph;

import dev.continuity.engine.model.Criticality;
import dev.continuity.engine.model.PlanType;

/** Derived fact: Plan {@code plan} of type {@code planType} covers {@code service} (of {@code criticality}). */
public record Covers(String plan, PlanType planType, String service, Criticality criticality) {
}
