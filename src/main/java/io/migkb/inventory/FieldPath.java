package io.migkb.inventory;

/**
 * Where in the document the reader is, to name the field of an error: {@code users[3].client},
 * {@code meetings[0].participants[2]}, {@code plan.targetPool}, or just {@code pools} at the top. Only the list
 * and index are kept while reading; the path text is built when an error needs it.
 */
final class FieldPath {
    private String list;
    private int index = -1;

    /** Inside element {@code index} of {@code list}, or inside object {@code list} when {@code index} is -1. */
    void enter(String list, int index) {
        this.list = list;
        this.index = index;
    }

    /** Back at the top level of the document. */
    void leave() {
        list = null;
        index = -1;
    }

    /** The path of {@code field} here, with {@code [sub]} appended when {@code sub} is 0 or more. */
    String of(String field, int sub) {
        StringBuilder path = new StringBuilder(40);
        if (list != null) {
            path.append(list);
            if (index >= 0) {
                path.append('[').append(index).append(']');
            }
            path.append('.');
        }
        path.append(field);
        if (sub >= 0) {
            path.append('[').append(sub).append(']');
        }
        return path.toString();
    }
}
