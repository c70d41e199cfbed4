package io.migkb.model;

import java.util.Collection;

/**
 * "Did you mean …?" for misspelt names: fields, columns, rule ids in scenarios, a decision table's keywords. Used on
 * error paths only.
 */
public final class Suggestions {
    private Suggestions() {
    }

    /** The candidate closest to {@code text} when it is close enough to be a typo (same letters ignoring case, or
     * one edit for names up to 3 letters, two up to 10, three beyond), else null. */
    public static String closest(String text, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (candidate.equalsIgnoreCase(text)) {
                return candidate;
            }
            int distance = distance(text.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        int allowed = text.length() <= 3 ? 1 : text.length() <= 10 ? 2 : 3;
        return bestDistance <= allowed ? best : null;
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
