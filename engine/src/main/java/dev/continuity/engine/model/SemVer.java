package dev.continuity.engine.model;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A semantic version (SemVer 2.0.0), ordered by SemVer precedence; build metadata is ignored in comparisons. */
public record SemVer(long major, long minor, long patch, List<String> preRelease, String text) implements Comparable<SemVer> {
    /** SemVer 2.0.0: the parser and the JSON Schema use this one text. */
    public static final String PATTERN = "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?";
    private static final Pattern SEMVER = Pattern.compile(PATTERN);

    public static SemVer parse(String text) {
        Matcher m = SEMVER.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(dev.continuity.engine.text.Text.quote(text) + " is not a semantic version (MAJOR.MINOR.PATCH, e.g. 2.1.0)");
        }
        List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
        try {
            return new SemVer(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), pre, text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(dev.continuity.engine.text.Text.quote(text) + " has a version number too large");
        }
    }

    @Override
    public int compareTo(SemVer o) {
        int c = Long.compare(major, o.major);
        if (c == 0) c = Long.compare(minor, o.minor);
        if (c == 0) c = Long.compare(patch, o.patch);
        if (c != 0) return c;
        if (preRelease.isEmpty() || o.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), o.preRelease.isEmpty());
        }
        for (int i = 0; i < Math.min(preRelease.size(), o.preRelease.size()); i++) {
            String a = preRelease.get(i), b = o.preRelease.get(i);
            boolean an = a.chars().allMatch(Character::isDigit), bn = b.chars().allMatch(Character::isDigit);
            if (an && bn) c = new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
            else if (an != bn) c = an ? -1 : 1;
            else c = a.compareTo(b);
            if (c != 0) return c;
        }
        return Integer.compare(preRelease.size(), o.preRelease.size());
    }

    /** Same precedence (build metadata ignored). */
    public boolean samePrecedence(SemVer o) {
        return compareTo(o) == 0;
    }

    /** True when every version is greater than the one before it. */
    public static boolean strictlyIncreasing(List<SemVer> versions) {
        for (int i = 1; i < versions.size(); i++) {
            if (versions.get(i).compareTo(versions.get(i - 1)) <= 0) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
