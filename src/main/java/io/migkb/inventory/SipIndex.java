package io.migkb.inventory;

import java.util.Arrays;

/**
 * The assembler's users and federated users by lower-case SIP address (one address may not be both): for each,
 * its declared spelling, list, index in the file and position, and for a user its place in the model's list.
 * Arrays by ordinal rather than a record per address in a HashMap: a million users and several lookups per meeting
 * made that map the read's largest cost.
 */
final class SipIndex {
    private final StringOrdinals ordinals = new StringOrdinals();
    private String[] declared = new String[64];
    /** Index in the file's list, shifted left once; the low bit is set for a federated user. */
    private int[] indexAndKind = new int[64];
    private long[] at = new long[64];
    /** A user's position in the assembler's list of users, -1 when it has none (yet), or for a federated user. */
    private int[] userSlots = new int[64];

    int size() {
        return ordinals.size();
    }

    /** The ordinal of {@code lowerSip}, or -1 when nobody declared it. */
    int indexOf(String lowerSip) {
        return ordinals.indexOf(lowerSip);
    }

    /** Declares an address: -1 when new (its ordinal is then {@code size() - 1}), else the ordinal of the first. */
    int declare(String lowerSip, String sip, boolean federated, int index, long pos) {
        int first = ordinals.putIfAbsent(lowerSip);
        if (first >= 0) {
            return first;
        }
        int o = ordinals.size() - 1;
        if (o == declared.length) {
            int n = o * 2;
            declared = Arrays.copyOf(declared, n);
            indexAndKind = Arrays.copyOf(indexAndKind, n);
            at = Arrays.copyOf(at, n);
            userSlots = Arrays.copyOf(userSlots, n);
        }
        declared[o] = sip;
        indexAndKind[o] = index << 1 | (federated ? 1 : 0);
        at[o] = pos;
        userSlots[o] = -1;
        return -1;
    }

    /** Records where user {@code ordinal} stands in the model's list; a no-op for -1 (an address not declared). */
    void user(int ordinal, int slot) {
        if (ordinal >= 0) {
            userSlots[ordinal] = slot;
        }
    }

    /** The address as first declared. */
    String sip(int ordinal) {
        return declared[ordinal];
    }

    boolean federated(int ordinal) {
        return (indexAndKind[ordinal] & 1) != 0;
    }

    /** Its index in "users" or "federatedUsers". */
    int index(int ordinal) {
        return indexAndKind[ordinal] >>> 1;
    }

    /** Where it was declared (packed). */
    long at(int ordinal) {
        return at[ordinal];
    }

    int userSlot(int ordinal) {
        return userSlots[ordinal];
    }
}
