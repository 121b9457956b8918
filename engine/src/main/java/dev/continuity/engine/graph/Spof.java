package dev.continuity.engine.graph;

/** Derived fact: critical {@code service} is up with nothing failed and down with {@code domain} failed. */
public record Spof(String service, String domain) {
}
