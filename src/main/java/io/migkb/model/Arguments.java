package io.migkb.model;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks of the collections given to the model's constructors: a null collection or element is refused there,
 * naming the argument (and the element's index), not later deep inside a copy or a rule.
 */
final class Arguments {
    private Arguments() {
    }

    /** An immutable copy of {@code list}, which must hold no null. */
    static <T> List<T> list(List<T> list, String name) {
        Objects.requireNonNull(list, () -> name + " must not be null (List.of() for none)");
        try {
            return List.copyOf(list); // no copy, and no second pass, of a list that is immutable already
        } catch (NullPointerException e) {
            int i = 0;
            for (T element : list) {
                if (element == null) {
                    break;
                }
                i++;
            }
            throw new NullPointerException(name + "[" + i + "] is null");
        }
    }

    /** {@code values}, checked to be a collection with no null. */
    static <C extends Collection<?>> C noNulls(C values, String name) {
        Objects.requireNonNull(values, () -> name + " must not be null (an empty set for none)");
        if (values instanceof EnumSet<?>) {
            return values; // holds no null by construction; the readers give one per meeting and user
        }
        for (Object value : values) {
            if (value == null) {
                throw new NullPointerException(name + " holds a null");
            }
        }
        return values;
    }

    /** {@code map}, checked to be a map with no null key. */
    static <M extends Map<?, ?>> M noNullKeys(M map, String name) {
        Objects.requireNonNull(map, () -> name + " must not be null (Map.of() for none)");
        for (Object key : map.keySet()) {
            if (key == null) {
                throw new NullPointerException(name + " has a null key");
            }
        }
        return map;
    }
}
