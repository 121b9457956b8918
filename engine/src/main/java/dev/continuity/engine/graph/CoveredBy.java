package dev.continuity.engine.graph;

import dev.continuity.engine.model.Criticality;
import dev.continuity.engine.model.PlanType;

import java.util.Set;

/**
 * Derived fact: the types of the plans that cover {@code service} (empty when no plan does), one
 * per service; {@code criticality} is the service's. PLN-001 filters on it alone, instead of
 * joining every service to the {@link Covers} facts under two {@code not}s.
 */
public record CoveredBy(String service, Criticality criticality, Set<PlanType> planTypes) {
}
