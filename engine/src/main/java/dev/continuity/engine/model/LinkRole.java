package dev.continuity.engine.model;

/** Role of an internet link. */
public enum LinkRole implements YamlEnum {
    PRIMARY, SECONDARY
}
