package dev.continuity.engine.text;

/**
 * Inventory text is data (interfaces.md v2): it is checked on the way in and escaped on the way out,
 * so that it can never forge a line, move the cursor or reorder what a reader sees.
 */
public final class Text {
    /** How much input an error message quotes at the most (inventory.md v2). */
    public static final int QUOTE_MAX = 80;

    private Text() {
    }

    /** C0 controls, DEL, C1 controls. */
    public static boolean isControl(int cp) {
        return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
    }

    /** Characters that reorder text: bidirectional embeddings, overrides and isolates, and the marks. */
    public static boolean isBidi(int cp) {
        return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f || cp == 0x061c;
    }

    /**
     * The first character a string may not hold, or -1: control characters and bidirectional
     * characters, except tab and newline in free text.
     */
    public static int forbidden(String s, boolean freeText) {
        // by char: every control and bidirectional character is in the Basic Multilingual Plane, and no
        // half of a surrogate pair is one of them (this runs on every scalar of an inventory)
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) continue;
            if ((isControl(c) || isBidi(c)) && !(freeText && (c == '\t' || c == '\n'))) return c;
        }
        return -1;
    }

    /** A code point as a reader can see it: {@code U+001B}. */
    public static String name(int cp) {
        return String.format("U+%04X", cp);
    }

    /** Every control and bidirectional character made visible ({@code \n}, {@code \x1b}, {@code \u202e}); other text unchanged. */
    public static String escape(String s) {
        if (s == null) return null;
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            if (isControl(cp) || isBidi(cp)) {
                if (out == null) out = new StringBuilder(s.length() + 8).append(s, 0, i);
                switch (cp) {
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(cp <= 0xff ? String.format("\\x%02x", cp) : String.format("\\u%04x", cp));
                }
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            i += n;
        }
        return out == null ? s : out.toString();
    }

    /** Input quoted in an error message: at most {@link #QUOTE_MAX} characters, escaped, in single quotes. */
    public static String quote(String s) {
        if (s == null) return "''";
        int cps = s.codePointCount(0, s.length());
        String shown = cps <= QUOTE_MAX ? s : s.substring(0, s.offsetByCodePoints(0, QUOTE_MAX)) + "...";
        return "'" + escape(shown) + "'" + (cps > QUOTE_MAX ? " (" + cps + " characters)" : "");
    }
}
