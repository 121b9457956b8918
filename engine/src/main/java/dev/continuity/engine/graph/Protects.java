package dev.continuity.engine.graph;

import dev.continuity.engine.model.EdgeType;

/** Derived fact: EdgeProtection {@code edge} of {@code type} covers {@code service}. */
public record Protects(String edge, EdgeType type, String service) {
}
