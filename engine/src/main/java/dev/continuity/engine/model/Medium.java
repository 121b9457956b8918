package dev.continuity.engine.model;

/** Storage medium of a backup copy. */
public enum Medium implements YamlEnum {
    DISK, TAPE, OBJECT, CLOUD
}
