package io.migkb.inventory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields one kind of inventory object allows: name to id, which are required, and how to describe a missing
 * one. Ids are bit positions, so "which fields were given" is an int mask rather than a set per object.
 */
final class KnownFields {
    final String objectName;
    final List<String> names;
    private final Map<String, Integer> ids = new HashMap<>();
    final int required;
    final String[] hints;

    /**
     * @param objectName       the object in messages, e.g. "a pool"
     * @param names            the allowed fields; a field's id is its index here
     * @param requiredAndHints pairs of a required field's name and what to give for it
     */
    KnownFields(String objectName, String[] names, String... requiredAndHints) {
        this.objectName = objectName;
        this.names = List.of(names);
        for (int i = 0; i < names.length; i++) {
            ids.put(names[i], i);
        }
        this.hints = new String[names.length];
        int mask = 0;
        for (int i = 0; i < requiredAndHints.length; i += 2) {
            int id = ids.get(requiredAndHints[i]);
            mask |= 1 << id;
            hints[id] = requiredAndHints[i + 1];
        }
        this.required = mask;
    }

    /** The id of field {@code name}; -1 when this kind of object has no such field. */
    int id(String name) {
        Integer id = ids.get(name);
        return id == null ? -1 : id;
    }

    /** Which fields one object has given so far (duplicate keys are an error); reused from object to object. */
    static final class KeyTracker {
        long seen;

        /** False when the field was already given in this object. */
        boolean add(int id) {
            long bit = 1L << id;
            boolean first = (seen & bit) == 0;
            seen |= bit;
            return first;
        }
    }
}
