package dev.continuity.engine.load;

import dev.continuity.engine.text.Text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as the inventory and the options write them, YYYY-MM-DD, with messages that say what is wrong. */
public final class Dates {
    /** YYYY-MM-DD: the parser and the JSON Schema use this one text. */
    public static final String PATTERN = "(\\d{4})-(\\d{2})-(\\d{2})";
    private static final Pattern DATE = Pattern.compile(PATTERN);

    private Dates() {
    }

    /** Parses YYYY-MM-DD; throws IllegalArgumentException with a message for a person (no class names). */
    public static LocalDate parse(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.matches()) throw new IllegalArgumentException(Text.quote(text) + " is not a date: write YYYY-MM-DD, e.g. 2026-11-22");
        int year = Integer.parseInt(m.group(1)), month = Integer.parseInt(m.group(2)), day = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException(Text.quote(text) + " is not a date: there is no month " + month + " (YYYY-MM-DD)");
        }
        int days = YearMonth.of(year, month).lengthOfMonth();
        if (day < 1 || day > days) {
            throw new IllegalArgumentException(Text.quote(text) + " is not a date: " + Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    + " " + year + " has " + days + " days");
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(Text.quote(text) + " is not a date (YYYY-MM-DD)");
        }
    }
}
