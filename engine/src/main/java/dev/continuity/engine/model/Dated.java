package dev.continuity.engine.model;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** An entry with a date, for "latest" (rules.md: greatest date; on equal dates, the one declared last). */
public interface Dated {
    LocalDate date();

    /** The latest entry, or null when there is none (entries without a date are never latest). */
    static <T extends Dated> T latest(List<T> entries) {
        return latest(entries, e -> true);
    }

    /** {@link #latest(List)} of the entries that pass {@code which}. */
    static <T extends Dated> T latest(List<T> entries, java.util.function.Predicate<? super T> which) {
        T best = null;
        for (T e : entries) {
            if (e.date() != null && which.test(e) && (best == null || !e.date().isBefore(best.date()))) best = e;
        }
        return best;
    }

    /** The entries in date order; equal dates keep declaration order. The list itself when it is in that order already. */
    static <T extends Dated> List<T> inDateOrder(List<T> entries) {
        Comparator<T> byDate = Comparator.comparing(Dated::date, Comparator.nullsFirst(Comparator.naturalOrder()));
        boolean ordered = true;
        for (int i = 1; i < entries.size() && ordered; i++) ordered = byDate.compare(entries.get(i - 1), entries.get(i)) <= 0;
        return ordered ? entries : entries.stream().sorted(byDate).toList();
    }
}
