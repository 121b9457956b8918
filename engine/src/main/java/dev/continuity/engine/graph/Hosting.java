package dev.continuity.engine.graph;

import dev.continuity.engine.model.Criticality;

/** Derived fact: {@code site} (in {@code zone}) is a hosting site of {@code service}: its sites plus its failover site. */
public record Hosting(String service, String site, String zone, Criticality criticality) {
}
