package dev.continuity.engine.graph;

/**
 * Derived fact: a Vendor relied on by a critical service (rules.md, Terms: "vendors relied on"),
 * once however many critical services rely on it; the vendors VND-003 and VND-004 look at.
 */
public record CriticalVendor(String vendor) {
}
