package dev.continuity.engine.graph;

/** Derived fact: Plan {@code plan} lists Vendor {@code vendor} in its thirdParties. */
public record ThirdParty(String plan, String vendor) {
}
