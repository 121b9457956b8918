package dev.continuity.engine.graph;

import dev.continuity.engine.model.Medium;

/**
 * Derived fact: one copy of data store {@code dataStore}: its primary, a replica or a backup, with
 * the site and zone it is kept in and its medium (the primary and replicas count as disk).
 */
public record Copy(String dataStore, Kind kind, String site, String zone, Medium medium) {
    public enum Kind { PRIMARY, REPLICA, BACKUP }
}
