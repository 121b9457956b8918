package dev.continuity.maven;

/**
 * The lines the forked check writes ({@link ForkedCheck}) and the Mojo reads ({@link Fork}): a
 * kind, a tab, and the text with backslash, tab, carriage return and line feed escaped, so that a
 * record is always one line and its text comes back exactly as it was logged.
 */
final class Records {
    static final String ERROR = "ERROR";
    static final String WARN = "WARN";
    static final String INFO = "INFO";
    static final String DEBUG = "DEBUG";
    /** The check ran and the build passes; always the last record. */
    static final String PASS = "PASS";
    /** The build fails with the text as its message; always the last record. */
    static final String FAIL = "FAIL";

    private static final java.util.Set<String> KINDS = java.util.Set.of(ERROR, WARN, INFO, DEBUG, PASS, FAIL);

    private Records() {
    }

    /** A record, read back by {@link #kind} and {@link #text}. */
    record Record(String kind, String text) {
    }

    static String encode(String kind, String text) {
        StringBuilder b = new StringBuilder(kind.length() + 1 + text.length()).append(kind).append('\t');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The record a line holds, or null for a line that is not one (something else the forked JVM printed). */
    static Record decode(String line) {
        int tab = line.indexOf('\t');
        if (tab < 0) return null;
        String kind = line.substring(0, tab);
        if (!KINDS.contains(kind)) return null;
        StringBuilder b = new StringBuilder(line.length() - tab);
        for (int i = tab + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\' || i + 1 == line.length()) {
                b.append(c);
                continue;
            }
            char n = line.charAt(++i);
            b.append(switch (n) {
                case 't' -> '\t';
                case 'r' -> '\r';
                case 'n' -> '\n';
                default -> n;
            });
        }
        return new Record(kind, b.toString());
    }
}
