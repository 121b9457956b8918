package dev.continuity.engine.graph;

import dev.continuity.engine.model.Criticality;

import java.util.Set;

/**
 * Derived fact: the zones of the hosting sites of {@code service} (its sites plus its failover
 * site), in order; {@code criticality} is the service's.
 */
public record HostingZones(String service, Set<String> zones, Criticality criticality) {
    /** The one zone of every hosting site, or null when they lie in several. */
    public String onlyZone() {
        return zones.size() == 1 ? zones.iterator().next() : null;
    }
}
