package io.migkb.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One immutable set per combination of a small enum's constants, shared by every element that has it: a meeting's
 * content, a user's needs and add-ins come in a handful of combinations, and a set of its own (48 bytes) for each
 * of millions of meetings and users was ~100 MB at a million users.
 */
final class SharedSets<E extends Enum<E>> {
    static final SharedSets<Content> CONTENT = new SharedSets<>(Content.class);
    static final SharedSets<Need> NEEDS = new SharedSets<>(Need.class);
    static final SharedSets<AddIn> ADD_INS = new SharedSets<>(AddIn.class);

    private final Class<E> type;
    /** By bit mask of ordinals; filled as combinations are met (a race makes at most a spare equal copy). */
    private final AtomicReferenceArray<Set<E>> byMask;

    private SharedSets(Class<E> type) {
        this.type = type;
        int constants = type.getEnumConstants().length;
        if (constants > 16) {
            throw new IllegalArgumentException(type + " has too many constants to share every combination");
        }
        this.byMask = new AtomicReferenceArray<>(1 << constants);
    }

    /** The shared unmodifiable set with the constants of {@code values}. */
    Set<E> of(Set<E> values) {
        int mask = 0;
        if (values instanceof EnumSet<E> enums) {
            for (E e : enums) {
                mask |= 1 << e.ordinal();
            }
        } else if (!values.isEmpty()) {
            for (E e : values) {
                mask |= 1 << e.ordinal();
            }
        }
        Set<E> shared = byMask.get(mask);
        if (shared == null) {
            EnumSet<E> copy = EnumSet.noneOf(type);
            copy.addAll(values);
            shared = Collections.unmodifiableSet(copy);
            byMask.set(mask, shared);
        }
        return shared;
    }
}
