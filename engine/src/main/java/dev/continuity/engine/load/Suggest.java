package dev.continuity.engine.load;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/** "Did you mean" suggestions. */
public final class Suggest {
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private Suggest() {
    }

    /** The closest candidate within a third of the word's length (at least 1, at most 3 edits), or null. */
    public static String closest(String word, Collection<String> candidates) {
        String w = word.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, w.length() / 3));
        return candidates.stream()
                .filter(c -> DISTANCE.apply(w, c.toLowerCase(Locale.ROOT)) <= limit
                        || c.toLowerCase(Locale.ROOT).equals(w))
                .min(Comparator.comparingInt((String c) -> DISTANCE.apply(w, c.toLowerCase(Locale.ROOT))).thenComparing(c -> c))
                .orElse(null);
    }

    /** " (did you mean 'x'?)" or "". */
    public static String hint(String word, Collection<String> candidates) {
        String c = closest(word, candidates);
        return c == null ? "" : " (did you mean " + dev.continuity.engine.text.Text.quote(c) + "?)";
    }
}
