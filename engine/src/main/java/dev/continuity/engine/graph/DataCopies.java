package dev.continuity.engine.graph;

import dev.continuity.engine.model.Medium;

import java.util.Set;

/**
 * Derived fact: the copies of one data store (primary + replicas + backups), summarised; the
 * primary and replicas count as disk.
 */
public record DataCopies(String dataStore, int copies, Set<Medium> media, Set<String> sites) {
}
