package io.migkb.inventory;

import java.util.Arrays;

/**
 * Strings numbered 0, 1, 2… in the order they are added, found by exact text: the assembler's index of SIP
 * addresses and meeting ids, which callers pair with arrays by ordinal. An open-addressing table instead of a
 * HashMap: no entry object per key, no re-chaining on growth, and each slot holds the key's hash beside its
 * ordinal, so a probe that misses touches one array only (at millions of meetings the map was the read's largest
 * cost).
 */
final class StringOrdinals {
    private String[] keys = new String[64];
    /** The key's hash in the high half, its ordinal plus one in the low half; 0 is an empty slot. At most half full. */
    private long[] slots = new long[128];
    private int shift = Integer.numberOfLeadingZeros(128) + 1;
    private int size;

    int size() {
        return size;
    }

    /** The ordinal of {@code key}, or -1. */
    int indexOf(String key) {
        int h = key.hashCode();
        int mask = slots.length - 1;
        for (int s = slotOf(h); ; s = (s + 1) & mask) {
            long slot = slots[s];
            if (slot == 0) {
                return -1;
            }
            int at = (int) slot - 1;
            if ((int) (slot >>> 32) == h && keys[at].equals(key)) {
                return at;
            }
        }
    }

    /** The ordinal of {@code key} when it was there already; otherwise adds it (as ordinal {@code size() - 1}), -1. */
    int putIfAbsent(String key) {
        int h = key.hashCode();
        int mask = slots.length - 1;
        int s = slotOf(h);
        for (long slot; (slot = slots[s]) != 0; s = (s + 1) & mask) {
            int at = (int) slot - 1;
            if ((int) (slot >>> 32) == h && keys[at].equals(key)) {
                return at;
            }
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
        }
        keys[size++] = key;
        slots[s] = (long) h << 32 | size;
        if (size * 2 > slots.length) {
            rehash();
        }
        return -1;
    }

    private void rehash() {
        long[] old = slots;
        slots = new long[old.length * 2];
        shift--;
        int mask = slots.length - 1;
        for (long slot : old) {
            if (slot != 0) {
                int s = slotOf((int) (slot >>> 32));
                while (slots[s] != 0) {
                    s = (s + 1) & mask;
                }
                slots[s] = slot;
            }
        }
    }

    /** The top bits of a Fibonacci hash: the hashes of "m-1", "m-2"… differ in their low bits only. */
    private int slotOf(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }
}
