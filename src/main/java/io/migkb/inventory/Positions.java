package io.migkb.inventory;

import java.util.Arrays;

/** A growing list of packed positions ({@link InventoryAssembler#pos}), one per element, without boxing. */
final class Positions {
    private long[] values = new long[64];
    private int size;

    void add(long pos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = pos;
    }

    long get(int i) {
        return values[i];
    }

    /** The positions, in a new array of exactly their number. */
    long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
