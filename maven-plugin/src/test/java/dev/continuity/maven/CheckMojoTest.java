package dev.continuity.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckMojoTest {
    @Test
    void theForkParameter() throws MojoFailureException {
        assertThat(CheckMojo.forkMode(null)).isNull();
        assertThat(CheckMojo.forkMode("auto")).isNull();
        assertThat(CheckMojo.forkMode(" TRUE ")).isTrue();
        assertThat(CheckMojo.forkMode("false")).isFalse();
        assertThatThrownBy(() -> CheckMojo.forkMode("maybe")).isInstanceOf(MojoFailureException.class)
                .hasMessage("continuity: fork must be auto, true or false, not 'maybe'");
    }
}
