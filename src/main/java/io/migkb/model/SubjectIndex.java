package io.migkb.model;

import java.util.List;
import java.util.function.Function;

/**
 * Positions in a list by the exact text of one of its elements' keys (a user's SIP address, a meeting's id), for
 * {@link Inventory#locationOf}. One open-addressing {@code int[]} table (4 bytes a slot, at most half full) that
 * points into the list itself, so the keys are the model's own strings: no map entries, no key copies.
 */
final class SubjectIndex<T> {
    private final List<T> elements;
    private final Function<T, String> key;
    /** Position in {@code elements} plus one; 0 is an empty slot. */
    private final int[] slots;
    private final int mask;
    private final int shift;

    SubjectIndex(List<T> elements, Function<T, String> key) {
        this.elements = elements;
        this.key = key;
        int capacity = Integer.highestOneBit(Math.max(4, elements.size() * 2 - 1)) << 1;
        this.slots = new int[capacity];
        this.mask = capacity - 1;
        this.shift = Integer.numberOfLeadingZeros(capacity) + 1;
        for (int i = 0; i < elements.size(); i++) {
            int s = slotOf(key.apply(elements.get(i)).hashCode());
            while (slots[s] != 0) {
                if (key.apply(elements.get(slots[s] - 1)).equals(key.apply(elements.get(i)))) {
                    break; // a repeated key (an inventory built in code): the first one wins, as a map's putIfAbsent
                }
                s = (s + 1) & mask;
            }
            if (slots[s] == 0) {
                slots[s] = i + 1;
            }
        }
    }

    /** The position of the element whose key is {@code text}, or -1. */
    int indexOf(String text) {
        int s = slotOf(text.hashCode());
        for (int at; (at = slots[s]) != 0; s = (s + 1) & mask) {
            if (key.apply(elements.get(at - 1)).equals(text)) {
                return at - 1;
            }
        }
        return -1;
    }

    /** The top bits of a Fibonacci hash: String hashes of similar ids ("m-1", "m-2") differ in their low bits. */
    private int slotOf(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }
}
