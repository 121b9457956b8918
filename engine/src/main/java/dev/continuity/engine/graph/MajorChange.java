package dev.continuity.engine.graph;

import java.time.LocalDate;

/**
 * Derived fact (EX-004): a plan's latest major change: with its changelog in date order (on equal
 * dates in declared order), the latest entry whose major version is greater than the entry's
 * before it (the first entry counts); {@code index} is its position in the changelog. It carries
 * what EX-004 compares: the date of the latest Exercise listing the plan ({@code latestExercised},
 * null when none does).
 */
public record MajorChange(String plan, LocalDate date, String version, int index, LocalDate latestExercised) {
}
