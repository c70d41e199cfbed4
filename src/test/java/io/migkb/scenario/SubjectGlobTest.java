package io.migkb.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Scenario subjects with {@code *}: the glob walk agrees with the regular expression it replaced. */
class SubjectGlobTest {
    /** The matching as it was: each part quoted, {@code *} as {@code .*}, the whole text matched. */
    private static boolean byRegex(String glob, String text) {
        String regex = Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return Pattern.matches(regex, text);
    }

    @Test
    void globsMatchAsScenarioAuthorsWriteThem() {
        assertThat(Expectation.globMatches("meeting:*", "meeting:m-001")).isTrue();
        assertThat(Expectation.globMatches("meeting:*", "user:meeting:x")).isFalse();
        assertThat(Expectation.globMatches("user:*@contoso.com", "user:ann@contoso.com")).isTrue();
        assertThat(Expectation.globMatches("user:*@contoso.com", "user:ann@contoso.com.evil")).isFalse();
        assertThat(Expectation.globMatches("*a*a", "aa")).isTrue();
        assertThat(Expectation.globMatches("*a*a", "a")).isFalse();
        assertThat(Expectation.globMatches("m-*-*1", "m-2-1")).isTrue();
        assertThat(Expectation.globMatches("*", "")).isTrue();
        assertThat(Expectation.globMatches("a.b", "axb")).isFalse();
    }

    @Property(tries = 2000)
    void theGlobWalkAgreesWithTheRegex(@ForAll @StringLength(max = 8) @CharRange(from = '*', to = '.') String glob,
                                        @ForAll @StringLength(max = 10) @CharRange(from = '*', to = '.') String text) {
        assertThat(Expectation.globMatches(glob, text)).as("%s ~ %s", glob, text).isEqualTo(byRegex(glob, text));
    }
}
