package io.migkb.model;

/** Where something stands in an input file; line and column start at 1, 0 when unknown. */
public record SourceLocation(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + (column > 0 ? ":" + column : "");
    }
}
