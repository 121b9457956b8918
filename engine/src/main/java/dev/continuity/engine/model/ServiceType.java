package dev.continuity.engine.model;

/** Kind of service. */
public enum ServiceType implements YamlEnum {
    BUSINESS_PROCESS, APPLICATION, API, EMAIL, SAAS, OTHER
}
