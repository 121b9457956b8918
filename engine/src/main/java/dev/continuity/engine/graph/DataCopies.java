package dev.continuity.engine.graph;

import dev.continuity.engine.model.Medium;

import java.util.Set;

/**
 * Derived fact: the copies of one data store (primary + replicas + backups), summarised; the
 * primary and replicas count as disk. {@code primaryZone} is the zone of the primary's site;
 * {@code copyZones} the zones of the sites of its replicas and backups (empty when it has none).
 */
public record DataCopies(String dataStore, int copies, Set<Medium> media, Set<String> sites, String primaryZone,
                         Set<String> copyZones) {

    /** What falls short of 3-2-1, e.g. "only 2 copies, all on disk, all at fra-dc1". */
    public String shortfall() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (copies < 3) parts.add("only " + copies + (copies == 1 ? " copy" : " copies"));
        if (media.size() < 2) parts.add("all on " + media.iterator().next().yaml());
        if (sites.size() < 2) parts.add("all at " + sites.iterator().next());
        return String.join(", ", parts);
    }
}
