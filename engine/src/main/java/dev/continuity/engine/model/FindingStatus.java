package dev.continuity.engine.model;

/** State of an exercise finding. */
public enum FindingStatus implements YamlEnum {
    OPEN, CLOSED
}
