package dev.continuity.engine.model;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An ISO-8601 duration such as {@code PT15M}, {@code P3D}, {@code P6M} or {@code P1Y2M3DT4H}.
 * Durations compare by length with a year of 365 days and a month of 30 days (rules.md); added to
 * or taken from a date they are calendar arithmetic, clamped to the end of the month.
 */
public record Dur(Period period, Duration time, String text) implements Comparable<Dur> {
    /** The shape of a duration, designators in either case: the parser and the JSON Schema use this one text. */
    public static final String PATTERN = "[Pp](?!$)(\\d+[Yy])?(\\d+[Mm])?(\\d+[Ww])?(\\d+[Dd])?([Tt](?=\\d)(\\d+[Hh])?(\\d+[Mm])?(\\d+(\\.\\d+)?[Ss])?)?";
    private static final Pattern SHAPE = Pattern.compile(PATTERN);

    public Dur {
        period = period.normalized();
    }

    /** The longest duration accepted: longer ones cannot be added to a date (inventory.md v2). */
    public static final long MAX_DAYS = 10_000L * 365;

    private static final Pattern HUMAN = Pattern.compile(
            "(\\d{1,9})\\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|months?|y|yrs?|years?)",
            Pattern.CASE_INSENSITIVE);

    /** The ISO-8601 form of a duration a person wrote ("5 minutes", "4h"), or null when it is not clear. */
    public static String suggest(String text) {
        var m = HUMAN.matcher(text.trim());
        if (!m.matches()) return null;
        String n = m.group(1).replaceFirst("^0+(?=\\d)", "");
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        if (unit.startsWith("mo")) return "P" + n + "M";
        return switch (unit.charAt(0)) {
            case 's' -> "PT" + n + "S";
            case 'm' -> "PT" + n + "M";
            case 'h' -> "PT" + n + "H";
            case 'd' -> "P" + n + "D";
            case 'w' -> "P" + n + "W";
            default -> "P" + n + "Y";
        };
    }

    private static IllegalArgumentException notIso(String text) {
        String s = suggest(text);
        return new IllegalArgumentException(dev.continuity.engine.text.Text.quote(text) + " is not an ISO-8601 duration"
                + (s == null ? " (e.g. PT15M, PT4H, P3D, P6M, P1Y)" : "; did you mean " + s + "?"));
    }

    public static Dur parse(String text) {
        if (!SHAPE.matcher(text).matches()) throw notIso(text);
        String t = text.toUpperCase(Locale.ROOT);
        int tIndex = t.indexOf('T');
        String datePart = tIndex < 0 ? t : t.substring(0, tIndex);
        String timePart = tIndex < 0 ? "" : t.substring(tIndex);
        try {
            Period p = datePart.equals("P") ? Period.ZERO : Period.parse(datePart);
            Duration d = timePart.isEmpty() ? Duration.ZERO : Duration.parse("P" + timePart);
            Dur dur = new Dur(p, d, t);
            if (dur.seconds() / 86_400L > MAX_DAYS || dur.seconds() < 0) throw new ArithmeticException();
            return dur;
        } catch (DateTimeParseException e) {
            throw notIso(text);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(dev.continuity.engine.text.Text.quote(text)
                    + " is too large to add to a date; durations up to P10000Y are accepted");
        }
    }

    /** Length in seconds, counting a year as 365 days and a month as 30 days. */
    public long seconds() {
        long days = period.getYears() * 365L + period.getMonths() * 30L + period.getDays();
        return Math.addExact(Math.multiplyExact(days, 86_400L), time.getSeconds());
    }

    /** {@code date + this}, calendar arithmetic; a time part adds whole days. */
    public LocalDate addTo(LocalDate date) {
        return date.plus(period).plusDays(time.toDays());
    }

    /** {@code date - this}, calendar arithmetic; a time part takes whole days. */
    public LocalDate subtractFrom(LocalDate date) {
        return date.minus(period).minusDays(time.toDays());
    }

    public boolean longerThan(Dur other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Dur o) {
        return Long.compare(seconds(), o.seconds());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dur d && d.seconds() == seconds();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seconds());
    }

    @Override
    public String toString() {
        return text;
    }

    /** No time at all (a synchronous replica's recovery point, a service without failover): parsed once. */
    public static final Dur ZERO = parse("PT0S");
}
