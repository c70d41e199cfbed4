package io.migkb.inventory;

import java.util.Arrays;

/**
 * Strings numbered 0, 1, 2… in the order they are added, found by exact text: the assembler's index of SIP
 * addresses and meeting ids, which callers pair with arrays by ordinal. An open-addressing table of ordinals and
 * hashes instead of a HashMap: no entry object per key and no re-chaining on growth, which mattered at millions of
 * meetings.
 */
final class StringOrdinals {
    private String[] keys = new String[64];
    private int[] hashes = new int[64];
    /** Ordinal plus one; 0 is an empty slot. At most half full. */
    private int[] slots = new int[128];
    private int shift = Integer.numberOfLeadingZeros(128) + 1;
    private int size;

    int size() {
        return size;
    }

    String key(int ordinal) {
        return keys[ordinal];
    }

    /** The ordinal of {@code key}, or -1. */
    int indexOf(String key) {
        int h = key.hashCode();
        int mask = slots.length - 1;
        for (int s = slotOf(h), at; (at = slots[s]) != 0; s = (s + 1) & mask) {
            if (hashes[at - 1] == h && keys[at - 1].equals(key)) {
                return at - 1;
            }
        }
        return -1;
    }

    /** The ordinal of {@code key} when it was there already; otherwise adds it (as ordinal {@code size() - 1}), -1. */
    int putIfAbsent(String key) {
        int h = key.hashCode();
        int mask = slots.length - 1;
        int s = slotOf(h);
        for (int at; (at = slots[s]) != 0; s = (s + 1) & mask) {
            if (hashes[at - 1] == h && keys[at - 1].equals(key)) {
                return at - 1;
            }
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        keys[size] = key;
        hashes[size] = h;
        slots[s] = ++size;
        if (size * 2 > slots.length) {
            rehash();
        }
        return -1;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        shift--;
        int mask = slots.length - 1;
        for (int i = 0; i < size; i++) {
            int s = slotOf(hashes[i]);
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = i + 1;
        }
    }

    /** The top bits of a Fibonacci hash: the hashes of "m-1", "m-2"… differ in their low bits only. */
    private int slotOf(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }
}
