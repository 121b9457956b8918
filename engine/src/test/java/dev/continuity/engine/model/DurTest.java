package dev.continuity.engine.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurTest {
    @Test
    void comparesByLengthWithYearsOf365AndMonthsOf30Days() {
        assertThat(Dur.parse("P1Y")).isEqualByComparingTo(Dur.parse("P365D"));
        assertThat(Dur.parse("P1M")).isEqualByComparingTo(Dur.parse("P30D"));
        assertThat(Dur.parse("P1D")).isEqualByComparingTo(Dur.parse("PT24H"));
        assertThat(Dur.parse("P2W")).isEqualByComparingTo(Dur.parse("P14D"));
        assertThat(Dur.parse("PT4H").longerThan(Dur.parse("PT3H59M"))).isTrue();
        assertThat(Dur.parse("P1M").longerThan(Dur.parse("P29D"))).isTrue();
        assertThat(Dur.parse("PT0S")).isEqualByComparingTo(Dur.parse("PT0M"));
    }

    @Test
    void addsToDatesByTheCalendarClampedToTheEndOfTheMonth() {
        assertThat(Dur.parse("P6M").addTo(LocalDate.of(2025, 8, 31))).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(Dur.parse("P1Y").addTo(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(Dur.parse("P1Y").subtractFrom(LocalDate.of(2026, 6, 1))).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(Dur.parse("P1DT12H").addTo(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2026, 1, 2));
    }

    @Test
    void keepsTheTextAsWritten() {
        assertThat(Dur.parse("pt15m").toString()).isEqualTo("PT15M");
    }

    @Test
    void rejectsWhatIsNotAnIsoDuration() {
        for (String bad : List.of("4h", "P", "PT", "P1H", "PT1D", "1Y", "P-1D", "")) {
            assertThatThrownBy(() -> Dur.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
