package dev.continuity.engine.graph;

/**
 * Derived fact, for incident-response and business-continuity plans: with {@code domain} failed, a
 * critical service that {@code plan} covers goes down (although up with nothing failed) and so does
 * every communication channel of the plan. A plan without channels has every channel down whatever
 * fails: it gets one ChannelOutage with the empty domain.
 */
public record ChannelOutage(String plan, String domain) {
}
