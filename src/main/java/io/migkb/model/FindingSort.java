package io.migkb.model;

import java.util.Arrays;
import java.util.List;
import java.util.ListIterator;

/**
 * Sorts findings in {@link Finding#REPORT_ORDER}, on several threads when asked. With millions of findings the sort
 * was two thirds of what an assessment did besides inserting and firing (2 s of 2.9 s at 1M users), and
 * {@code Arrays.parallelSort} sorts on one thread on a 2-core machine (the common pool's parallelism is 1 there).
 */
public final class FindingSort {
    /** Below this many findings one thread sorts them: a thread costs more than it saves. */
    private static final int SPLIT_FROM = 100_000;

    private FindingSort() {
    }

    /**
     * Sorts {@code findings} in report order: {@code threads} runs sorted at once, each on a thread of its own (the
     * caller's among them), then merged; one thread when {@code threads} is 1. Stable either way.
     */
    public static void inReportOrder(List<Finding> findings, int threads) {
        if (threads < 2 || findings.size() < SPLIT_FROM) {
            findings.sort(Finding.REPORT_ORDER);
            return;
        }
        Finding[] all = findings.toArray(new Finding[0]);
        int runs = Math.min(threads, all.length / (SPLIT_FROM / 2));
        int[] bounds = new int[runs + 1];
        for (int i = 0; i <= runs; i++) {
            bounds[i] = (int) ((long) all.length * i / runs);
        }
        sortRuns(all, bounds);
        Finding[] sorted = mergeRuns(all, bounds);
        ListIterator<Finding> it = findings.listIterator();
        for (Finding f : sorted) {
            it.next();
            it.set(f);
        }
    }

    private static void sortRuns(Finding[] all, int[] bounds) {
        Thread[] helpers = new Thread[bounds.length - 2];
        RuntimeException[] failed = new RuntimeException[1];
        for (int i = 1; i < bounds.length - 1; i++) {
            int from = bounds[i];
            int to = bounds[i + 1];
            Thread t = new Thread(() -> {
                try {
                    Arrays.sort(all, from, to, Finding.REPORT_ORDER);
                } catch (RuntimeException e) {
                    failed[0] = e;
                }
            }, "migkb-sort-" + i);
            t.setDaemon(true);
            t.start();
            helpers[i - 1] = t;
        }
        Arrays.sort(all, bounds[0], bounds[1], Finding.REPORT_ORDER);
        for (Thread t : helpers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sorting findings", e);
            }
        }
        if (failed[0] != null) {
            throw failed[0];
        }
    }

    /** Merges the sorted runs pairwise until one is left; ties keep the earlier run's finding first. */
    private static Finding[] mergeRuns(Finding[] all, int[] bounds) {
        Finding[] from = all;
        Finding[] to = new Finding[all.length];
        int[] runs = bounds;
        while (runs.length > 2) {
            int[] merged = new int[(runs.length - 1 + 1) / 2 + 1];
            int m = 0;
            for (int r = 0; r + 1 < runs.length; r += 2) {
                int lo = runs[r];
                int mid = runs[r + 1];
                int hi = r + 2 < runs.length ? runs[r + 2] : mid;
                merge(from, lo, mid, hi, to);
                merged[m++] = lo;
            }
            merged[m] = all.length;
            runs = Arrays.copyOf(merged, m + 1);
            Finding[] swap = from;
            from = to;
            to = swap;
        }
        return from;
    }

    private static void merge(Finding[] src, int lo, int mid, int hi, Finding[] dst) {
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            dst[k++] = Finding.REPORT_ORDER.compare(src[j], src[i]) < 0 ? src[j++] : src[i++];
        }
        System.arraycopy(src, i, dst, k, mid - i);
        k += mid - i;
        System.arraycopy(src, j, dst, k, hi - j);
    }
}
