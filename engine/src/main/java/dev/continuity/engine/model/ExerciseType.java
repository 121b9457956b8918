package dev.continuity.engine.model;

/** Kind of exercise. */
public enum ExerciseType implements YamlEnum {
    TABLETOP, FUNCTIONAL, FULL_SCALE, RESTORE, FAILOVER, REAL_INCIDENT
}
