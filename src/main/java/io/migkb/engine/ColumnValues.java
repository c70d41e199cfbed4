package io.migkb.engine;

import io.migkb.model.Client;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the cells of a decision table's column may hold, read from the column's code: {@code Client.$param} takes a
 * constant of the model's enum {@code Client}, {@code forall(,){MeetingFeature.$}} a comma-separated list of them,
 * {@code "$param"} text, and a condition comparing a number field of its fact with {@code $param} a number. Anything
 * else is left to Drools.
 */
record ColumnValues(Kind kind, String type, List<String> constants) {
    enum Kind { ANY, ENUM, ENUM_LIST, TEXT, NUMBER, BOOLEAN }

    private static final Pattern ENUM_LIST = Pattern.compile("forall\\s*\\([^)]*\\)\\s*\\{[^}]*?\\b(\\w+)\\.\\$(?!\\w)");
    private static final Pattern ENUM_VALUE = Pattern.compile("\\b(\\w+)\\.\\$param\\b");
    private static final Pattern TEXT_VALUE = Pattern.compile("\"\\$param\"");
    private static final Pattern COMPARISON = Pattern.compile("^\\s*(\\w+)\\s*(?:==|!=|>=|<=|>|<)\\s*\\$param\\s*$");
    private static final Pattern OBJECT_TYPE = Pattern.compile("^\\s*(?:\\$\\w+\\s*:\\s*)?(\\w+)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final List<String> NUMBER_TYPES = List.of("int", "long", "short", "double", "float", "Integer", "Long",
            "Short", "Double", "Float", "BigDecimal");

    /** What {@code code} takes; {@code objectType} is a condition column's fact type (row 2 of the header), else null. */
    static ColumnValues of(String code, String objectType) {
        Matcher list = ENUM_LIST.matcher(code);
        if (list.find()) {
            Optional<List<String>> constants = constants(list.group(1));
            if (constants.isPresent()) {
                return new ColumnValues(Kind.ENUM_LIST, list.group(1), constants.get());
            }
        }
        Matcher value = ENUM_VALUE.matcher(code);
        if (value.find()) {
            Optional<List<String>> constants = constants(value.group(1));
            if (constants.isPresent()) {
                return new ColumnValues(Kind.ENUM, value.group(1), constants.get());
            }
        }
        if (TEXT_VALUE.matcher(code).find()) {
            return new ColumnValues(Kind.TEXT, "text", List.of());
        }
        Matcher comparison = COMPARISON.matcher(code);
        Matcher fact = OBJECT_TYPE.matcher(objectType == null ? "" : objectType);
        if (comparison.matches() && fact.find()) {
            FactModel.Property property = FactModel.factType(fact.group(1))
                    .map(t -> FactModel.properties(t).get(comparison.group(1))).orElse(null);
            if (property != null && NUMBER_TYPES.contains(property.typeName())) {
                return new ColumnValues(Kind.NUMBER, property.typeName(), List.of());
            }
            if (property != null && property.typeName().equals("boolean")) {
                return new ColumnValues(Kind.BOOLEAN, "boolean", List.of("true", "false"));
            }
        }
        return new ColumnValues(Kind.ANY, null, List.of());
    }

    /** The constants of the model's enum of that name; a table row for {@link Client#UNKNOWN} is not allowed. */
    private static Optional<List<String>> constants(String simpleName) {
        for (Map.Entry<Class<?>, List<String>> e : FactModel.enumTypes().entrySet()) {
            if (e.getKey().getSimpleName().equals(simpleName)) {
                return Optional.of(e.getValue().stream().filter(c -> e.getKey() != Client.class
                        || Client.valueOf(c).isKnown()).toList());
            }
        }
        return Optional.empty();
    }

    /** What a cell of the column may hold, as an error message ends. */
    String allowed() {
        return switch (kind) {
            case ENUM, BOOLEAN -> "allowed values: " + String.join(", ", constants);
            case ENUM_LIST -> "allowed values, one or more separated by commas: " + String.join(", ", constants);
            case TEXT -> "any text";
            case NUMBER -> "a number";
            case ANY -> "a value for the column's code";
        };
    }

    /** Why {@code value} (trimmed, not empty) cannot go in the column, or null when it can. */
    String problem(String value) {
        switch (kind) {
            case ENUM, BOOLEAN -> {
                return constants.contains(value) ? null : notAllowed(value);
            }
            case ENUM_LIST -> {
                for (String item : value.split(",", -1)) {
                    if (item.isBlank()) {
                        return "\"" + value + "\" has an empty item between its commas; " + allowed();
                    }
                    if (!constants.contains(item.trim())) {
                        return notAllowed(item.trim());
                    }
                }
                return null;
            }
            case NUMBER -> {
                return NUMBER.matcher(value).matches() ? null : value + " is not a number; the cell must hold a number (" + type + "), e.g. 10";
            }
            case TEXT -> {
                return text(value);
            }
            default -> {
                return null;
            }
        }
    }

    private String notAllowed(String value) {
        if (type.equals(Client.class.getSimpleName()) && value.equals(Client.UNKNOWN.name())) {
            return value + " is not allowed: it marks a user whose client no export names, for whom no client rule may"
                    + " fire; " + allowed();
        }
        String hint = constants.stream().filter(c -> c.equalsIgnoreCase(value)).findFirst()
                .map(c -> " (write it " + c + ")").orElse("");
        return value + " is not " + (kind == Kind.BOOLEAN ? "true or false" : "a " + type) + hint + "; " + allowed();
    }

    /** Text goes into the generated code between straight quotes, so a few characters would break it. */
    private static String text(String value) {
        if (value.startsWith("\"")) {
            return "the text starts with a straight quote (\"), which ends it early; use typographic quotes (“ ”) or"
                    + " start it with another character";
        }
        if (value.contains("\\")) {
            return "the text holds a backslash (\\), which the rule's code would read as an escape; write it another way";
        }
        if (value.contains("\n") || value.contains("\r")) {
            return "the text holds a line break; keep it on one line (the spreadsheet wraps it)";
        }
        return null;
    }
}
