package io.migkb.engine;

import io.migkb.model.Severity;

/**
 * One rule of a compiled knowledge base, described by its metadata: {@code @id}, {@code @severity},
 * {@code @reference}. {@code severity} is null when the metadata is missing or not a known severity.
 */
public record RuleInfo(String id, Severity severity, String reference, String name, String file, int line) {
}
