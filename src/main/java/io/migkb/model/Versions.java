package io.migkb.model;

/** Compares dotted version numbers ("15.0.4481.1000") part by part, numerically. */
public final class Versions {
    private Versions() {
    }

    public static int compare(String a, String b) {
        String[] pa = a.split("\\.");
        String[] pb = b.split("\\.");
        for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
            long va = i < pa.length ? parse(pa[i]) : 0;
            long vb = i < pb.length ? parse(pb[i]) : 0;
            if (va != vb) {
                return Long.compare(va, vb);
            }
        }
        return 0;
    }

    private static long parse(String part) {
        try {
            return part.isEmpty() ? 0 : Long.parseLong(part);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static boolean isVersion(String text) {
        return text != null && text.matches("\\d+(\\.\\d+)*");
    }
}
