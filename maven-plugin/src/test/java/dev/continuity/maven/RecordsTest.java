package dev.continuity.maven;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordsTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "a\tb", "line\nBUILD SUCCESS", "cr\r\n", "back\\slash", "ends with \\", "\\n is not a line feed",
            "services.yaml:3:1: SVC-001 high web: \\x1b[2J escaped already", "tab\\tliteral"})
    void aRecordIsOneLineAndItsTextComesBackExactly(String text) {
        String line = Records.encode(Records.WARN, text);
        assertThat(line).doesNotContain("\n").doesNotContain("\r");
        assertThat(line.indexOf('\t')).isEqualTo(Records.WARN.length());
        assertThat(line.indexOf('\t', Records.WARN.length() + 1)).isEqualTo(-1);
        assertThat(Records.decode(line)).isEqualTo(new Records.Record(Records.WARN, text));
    }

    @Test
    void linesThatAreNoRecordsAreNotTakenForOne() {
        assertThat(Records.decode("[0.012s][info][gc] Using Parallel")).isNull();
        assertThat(Records.decode("OK\tfine")).isNull();
        assertThat(Records.decode("pass\tword")).isNull();
        assertThat(Records.decode(" PASS\tword")).isNull();
        assertThat(Records.decode("PASS\tword")).isEqualTo(new Records.Record(Records.PASS, "word"));
    }
}
