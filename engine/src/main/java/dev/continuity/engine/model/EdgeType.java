package dev.continuity.engine.model;

/** Kind of edge protection. */
public enum EdgeType implements YamlEnum {
    CDN, DDOS, WAF
}
