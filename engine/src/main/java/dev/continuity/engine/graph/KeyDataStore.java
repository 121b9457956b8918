package dev.continuity.engine.graph;

/**
 * Derived fact (rules.md, Terms): a key data store, one that a key service (critical or high)
 * lists directly in dependsOn; {@code critical} when a critical service lists it (DAT-003).
 */
public record KeyDataStore(String dataStore, boolean critical) {
}
