package dev.continuity.engine.eval;

/** Fact inserted for every finding reported, so that WVR-002 can tell which waivers match nothing. */
public record Found(String rule, String subject) {
}
