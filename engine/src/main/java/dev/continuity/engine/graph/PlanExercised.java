package dev.continuity.engine.graph;

import java.time.LocalDate;
import java.util.List;

/**
 * Derived fact: the dates of the exercises that list {@code plan}, in the order the exercises are
 * declared (empty when none does), one per plan. EX-001 filters on it alone, instead of joining every
 * plan to the {@link Exercised} facts under a {@code not}.
 */
public record PlanExercised(String plan, List<LocalDate> dates) {
}
