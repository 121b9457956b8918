package dev.continuity.maven;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckRequestTest {
    @Test
    void everyParameterCrossesToTheForkedJvmUnchanged() {
        CheckRequest full = new CheckRequest(List.of("/p/continuity", "/p/plan with space.json"), "high", List.of("json", "sarif"),
                "/p/target/continuity", "2026-11-22", List.of("/p/rules/a.drl", "--format"), List.of("NET-001", "DAT-002"),
                "/p/baseline.json", 10, 3, List.of("dora", "nis2"), "/p/new-baseline.json", "https://example.org/blob/abc",
                "/p/target/continuity.cache", "/p", true);
        assertThat(CheckRequest.fromArgs(full.toArgs().toArray(String[]::new))).isEqualTo(full);
    }

    @Test
    void absentValuesStayAbsent() {
        CheckRequest bare = new CheckRequest(List.of("/p/continuity"), null, List.of(), "/p/target/continuity", null, List.of(), List.of(),
                null, 1_000_000, 60, List.of(), null, null, null, "/p", false);
        assertThat(bare.toArgs()).doesNotContain("--failOn", "--asOf", "--cache", "--debug", "--format");
        assertThat(CheckRequest.fromArgs(bare.toArgs().toArray(String[]::new))).isEqualTo(bare);
    }

    @Test
    void aMalformedRequestIsRefused() {
        assertThatThrownBy(() -> CheckRequest.fromArgs(new String[] {"--inventory"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckRequest.fromArgs(new String[] {"inventory", "x"})).isInstanceOf(IllegalArgumentException.class);
    }
}
