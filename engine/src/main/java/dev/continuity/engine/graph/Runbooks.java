package dev.continuity.engine.graph;

import java.time.LocalDate;

/**
 * Derived fact: the runbooks of {@code service} across all plans: how many, and the date of the
 * latest (null when none has an updated date), and where the latest is: its plan's id and its index
 * in that plan's runbooks (PLN-005 points there; null and -1 when there is none).
 */
public record Runbooks(String service, int count, LocalDate latestUpdated, String plan, int index) {
}
