package dev.continuity.engine.graph;

/**
 * Derived fact, for critical services: {@code vendor} is relied on by {@code service}: a Vendor in
 * its dependency closure, the provider of one of its own hosting sites, the ISP of a link at those
 * sites, or the provider of an EdgeProtection covering it (rules.md).
 */
public record ReliesOn(String service, String vendor) {
}
