package io.migkb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/authoring.md's fact model cannot drift from io.migkb.model: every bean property of every fact type is in its
 * table with its DRL type, no stale one is, and every enum value is listed.
 */
class AuthoringDocFactModelTest {
    private static final Path DOC = Path.of("docs/authoring.md");
    private static final Pattern FIELD_ROW = Pattern.compile("^\\| (\\w+) \\| `(\\w+)` \\| ([^|]+?) \\| (.*) \\|$", Pattern.MULTILINE);
    private static final Pattern ENUM_ROW = Pattern.compile("^\\| (\\w+) \\| (`[A-Z0-9_]+`(?:, `[A-Z0-9_]+`)*) \\|$", Pattern.MULTILINE);

    @Test
    void factModelTableListsEveryFieldOfEveryFactTypeAndNothingElse() throws IOException {
        String doc = Files.readString(DOC);
        List<String> documented = new ArrayList<>();
        Matcher m = FIELD_ROW.matcher(doc);
        while (m.find()) {
            assertThat(m.group(4).strip()).as("meaning of %s.%s", m.group(1), m.group(2)).isNotEmpty();
            documented.add(m.group(1) + "." + m.group(2) + " : " + m.group(3));
        }
        List<String> actual = new ArrayList<>();
        for (Class<?> type : FactModel.FACT_TYPES) {
            FactModel.properties(type).values().forEach(p -> actual.add(type.getSimpleName() + "." + p.name() + " : " + p.typeName()));
        }
        assertThat(new TreeSet<>(documented))
                .as("rows of docs/authoring.md's fact model table (Type.field : DRL type); add or remove rows to match the code")
                .isEqualTo(new TreeSet<>(actual));
        assertThat(documented).doesNotHaveDuplicates();
    }

    @Test
    void enumTableListsEveryValue() throws IOException {
        String doc = Files.readString(DOC);
        Map<String, List<String>> documented = new LinkedHashMap<>();
        Matcher m = ENUM_ROW.matcher(doc);
        while (m.find()) {
            documented.put(m.group(1), List.of(m.group(2).replace("`", "").split(", ")));
        }
        Map<String, List<String>> actual = new LinkedHashMap<>();
        FactModel.enumTypes().forEach((type, values) -> actual.put(type.getSimpleName(), values));
        assertThat(documented).isEqualTo(actual);
    }
}
