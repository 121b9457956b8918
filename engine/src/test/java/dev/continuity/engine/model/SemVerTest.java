package dev.continuity.engine.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SemVerTest {
    @Test
    void precedenceFollowsSemVer2() {
        // the example chain of semver.org, section 11
        List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.9.0", "1.10.0", "2.0.0");
        for (int i = 1; i < ordered.size(); i++) {
            assertThat(SemVer.parse(ordered.get(i - 1))).as(ordered.get(i - 1) + " < " + ordered.get(i))
                    .isLessThan(SemVer.parse(ordered.get(i)));
        }
        assertThat(SemVer.strictlyIncreasing(ordered.stream().map(SemVer::parse).toList())).isTrue();
    }

    @Test
    void buildMetadataDoesNotCountForPrecedence() {
        assertThat(SemVer.parse("1.2.0+build.7").samePrecedence(SemVer.parse("1.2.0"))).isTrue();
        assertThat(SemVer.strictlyIncreasing(List.of(SemVer.parse("1.2.0"), SemVer.parse("1.2.0+b2")))).isFalse();
    }

    @Test
    void rejectsWhatIsNotASemanticVersion() {
        for (String bad : List.of("1.0", "v1.0.0", "01.0.0", "1.0.0-", "1.0.0-01", "1.0.0.0", "")) {
            assertThatThrownBy(() -> SemVer.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
