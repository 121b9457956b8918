package dev.continuity.engine.graph;

import dev.continuity.engine.model.Dur;

/**
 * Derived fact (rules.md, DAT-001): a data store's best recovery point, computed once: 0 with a
 * sync replica, else the smallest maxLag of an async replica or frequency of a backup; {@code best}
 * null (infinite) with no replica or backup.
 */
public record RecoveryPoint(String dataStore, Dur best) {
}
