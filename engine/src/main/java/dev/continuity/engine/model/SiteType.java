package dev.continuity.engine.model;

/** Kind of site. A cloud region's connectivity is its provider's, so network rules skip it. */
public enum SiteType implements YamlEnum {
    DATACENTER, CLOUD_REGION, COLOCATION, OFFICE
}
