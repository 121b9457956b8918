package dev.continuity.engine.graph;

import dev.continuity.engine.model.Criticality;

import java.time.LocalDate;

/**
 * Derived fact: the runbooks of {@code service} across all plans: how many, and the date of the
 * latest (null when none has an updated date), and where the latest is: its plan's id and its index
 * in that plan's runbooks (PLN-005 points there; null and -1 when there is none); {@code criticality}
 * is the service's.
 */
public record Runbooks(String service, Criticality criticality, int count, LocalDate latestUpdated, String plan, int index) {
    /** What the runbooks are: none, none with an updated date, or dated (PLN-005 reads this, not its own condition). */
    public enum State { NONE, UNDATED, DATED }

    public State getState() {
        return count == 0 ? State.NONE : latestUpdated == null ? State.UNDATED : State.DATED;
    }
}
