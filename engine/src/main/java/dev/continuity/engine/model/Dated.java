package dev.continuity.engine.model;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** An entry with a date, for "latest" (rules.md: greatest date; on equal dates, the one declared last). */
public interface Dated {
    LocalDate date();

    /** The latest entry, or null when there is none (entries without a date are never latest). */
    static <T extends Dated> T latest(List<T> entries) {
        T best = null;
        for (T e : entries) {
            if (e.date() != null && (best == null || !e.date().isBefore(best.date()))) best = e;
        }
        return best;
    }

    /** The entries in date order; equal dates keep declaration order. */
    static <T extends Dated> List<T> inDateOrder(List<T> entries) {
        return entries.stream().sorted(Comparator.comparing(Dated::date, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
    }
}
