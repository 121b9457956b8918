package dev.continuity.engine.graph;

import dev.continuity.engine.model.ExerciseType;

import java.time.LocalDate;
import java.util.Set;

/**
 * Derived fact: Exercise {@code exercise} (of {@code type}, on {@code date}, declared {@code seq}-th)
 * lists {@code target}, a Plan or a Service ({@code targetKind}), in its plans or services. It
 * carries what PLN-004 compares: whether the exercise recorded findings ({@code withFindings}), and
 * for a Plan the exercises whose lessons it applies ({@code targetLessonsFrom}: every lessonsFrom of
 * its changelog; empty for a Service).
 */
public record Exercised(String exercise, String target, String targetKind, LocalDate date, ExerciseType type, int seq,
                        boolean withFindings, Set<String> targetLessonsFrom) {
    /** failover, full-scale or real-incident: the exercises that prove a failover (GEO-004). */
    public boolean isFailoverProof() {
        return provesFailover(type);
    }

    /** True for the types of exercise that prove a failover: failover, full-scale, real-incident. */
    public static boolean provesFailover(ExerciseType type) {
        return type == ExerciseType.FAILOVER || type == ExerciseType.FULL_SCALE || type == ExerciseType.REAL_INCIDENT;
    }
}
