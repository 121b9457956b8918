package dev.continuity.engine.model;

/** What a vendor provides. */
public enum VendorType implements YamlEnum {
    ISP, CLOUD, CDN, DDOS, SAAS, COLOCATION, SOFTWARE, OTHER
}
