package dev.continuity.engine.model;

/** Replication mode of a data store replica. */
public enum ReplicaMode implements YamlEnum {
    SYNC, ASYNC
}
