package dev.continuity.engine.model;

/** How a service fails over to its failover site. */
public enum FailoverMode implements YamlEnum {
    ACTIVE_ACTIVE, HOT, WARM, COLD, RESTORE
}
