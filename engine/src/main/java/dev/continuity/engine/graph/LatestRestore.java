package dev.continuity.engine.graph;

import dev.continuity.engine.model.Dur;

import java.time.LocalDate;

/**
 * Derived fact: the latest restore test of a data store (rules.md: latest = greatest date, on
 * equal dates the one declared last), one per data store: {@code state} NEVER when it has none.
 * {@code index} is the test's position in restoreTests (where DAT-005 points), -1 when none.
 */
public record LatestRestore(String dataStore, State state, LocalDate date, Dur duration, boolean integrityVerified, int index) {
    public enum State { NEVER, FAILED, PASSED }

    public boolean isPassed() {
        return state == State.PASSED;
    }
}
