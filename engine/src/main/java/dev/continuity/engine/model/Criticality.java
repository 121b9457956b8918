package dev.continuity.engine.model;

/** Criticality of a service: critical services are also key services, and so are high ones. */
public enum Criticality implements YamlEnum {
    CRITICAL, HIGH, MEDIUM, LOW
}
