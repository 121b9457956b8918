package dev.continuity.engine.graph;

import java.time.LocalDate;

/**
 * Derived fact: the runbooks of {@code service} across all plans: how many, and the date of the
 * latest (null when none has an updated date).
 */
public record Runbooks(String service, int count, LocalDate latestUpdated) {
}
