package dev.continuity.engine.eval;

import dev.continuity.engine.model.Dur;

import java.time.LocalDate;

/** The evaluation date, inserted as a fact: no rule reads the system clock. */
public record AsOf(LocalDate date) {
    /** rules.md "within X": asOf - X <= d <= asOf. A missing date is never within. */
    public boolean within(LocalDate d, Dur x) {
        return d != null && !d.isBefore(x.subtractFrom(date)) && !d.isAfter(date);
    }

    /** Whether some of the dates is {@link #within(LocalDate, Dur) within} {@code x}. */
    public boolean anyWithin(java.util.Collection<LocalDate> dates, Dur x) {
        for (LocalDate d : dates) if (within(d, x)) return true;
        return false;
    }

    /** True when {@code d + x < asOf}, i.e. the period that started on d has run out. */
    public boolean expired(LocalDate d, Dur x) {
        return x.addTo(d).isBefore(date);
    }

    /** {@link #expired(LocalDate, Dur)} with {@code x}, or {@code fallback} when x is null. */
    public boolean expired(LocalDate d, Dur x, Dur fallback) {
        return expired(d, x != null ? x : fallback);
    }

    public boolean isAfter(LocalDate d) {
        return date.isAfter(d);
    }
}
