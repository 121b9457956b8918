package dev.continuity.engine.model;

/** Kind of plan. */
public enum PlanType implements YamlEnum {
    INCIDENT_RESPONSE, BUSINESS_CONTINUITY, DISASTER_RECOVERY
}
