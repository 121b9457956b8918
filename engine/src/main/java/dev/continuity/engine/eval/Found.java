package dev.continuity.engine.eval;

/**
 * Fact inserted for every finding reported, so that WVR-002 can tell which waivers match nothing.
 * Fields are in the form {@link Waivers#key} compares: rule upper case, subject and detail lower case.
 */
public record Found(String rule, String subject, String detail) {
}
