package io.migkb.api;

import io.migkb.model.Severity;

/**
 * One rule of the catalogue in use, as its metadata describes it.
 *
 * @param id       the rule id findings carry ({@code @id}), e.g. {@code FED-LOCKED-OC2007}
 * @param name     the rule's name in its file
 * @param severity its severity ({@code @severity}); null when the metadata is missing or no known severity
 * @param section  the section of the article it comes from ({@code @reference}); null when missing
 * @param file     the file it is declared in, relative to the rules folder (a decision table for its rows)
 * @param line     the line of its declaration (a decision table's row); 0 when unknown
 */
public record CatalogueRule(String id, String name, Severity severity, String section, String file, int line) {
}
