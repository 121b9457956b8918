package dev.continuity.engine.eval;

/** Fact for a rule not run (--skip-rules): waivers for it are not judged by WVR-002. */
public record SkippedRule(String id) {
}
