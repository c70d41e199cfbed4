package io.migkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void theBarShowsOnlyOnATerminalOutsideCiAndWithoutQuiet() {
        assertThat(Progress.shouldShowBar(false, true, Map.of())).isTrue();
        assertThat(Progress.shouldShowBar(true, true, Map.of())).as("--quiet").isFalse();
        assertThat(Progress.shouldShowBar(false, false, Map.of())).as("not a terminal").isFalse();
        assertThat(Progress.shouldShowBar(false, true, Map.of("CI", "true"))).as("CI").isFalse();
        assertThat(Progress.shouldShowBar(false, true, Map.of("CI", "1"))).as("CI").isFalse();
        assertThat(Progress.shouldShowBar(false, true, Map.of("TERM", "dumb"))).isFalse();
    }

    @Test
    void testsRunWithoutATerminalSoTheBarStaysSilent() {
        StringWriter text = new StringWriter();
        Progress progress = Progress.start(false, new PrintWriter(text, true));

        assertThat(progress.showsBar()).isFalse();
        progress.phase("read");
        progress.update(10, 100, "bytes");
        progress.assessing().factsInserted(5, 10);
        progress.finish(true);

        assertThat(text.toString()).isEmpty();
    }

    @Test
    void theTimingSummaryIsOneLineNamingEachPhase() {
        StringWriter text = new StringWriter();
        Progress progress = new Progress(new PrintWriter(text, true), false);
        progress.phase("read");
        progress.phase("rules");
        progress.phase("assess");
        progress.phase("write");
        progress.finish(false);

        assertThat(text.toString()).matches("migkb: read \\d+\\.\\d s, rules \\d+\\.\\d s, assess \\d+\\.\\d s, "
                + "write \\d+\\.\\d s\\R");
    }

    @Test
    void aBarIsOneLineOfAtMost79CharactersAndIsErasedAtTheEnd() {
        assertThat(Progress.line("reading", 37, 100, "bytes", 1.23, 0))
                .isEqualTo("migkb: reading         [########................]  37%  1.2 s");
        assertThat(Progress.line("assessing", 1_234_567, -1, "firings", 12.0, 3))
                .hasSizeLessThanOrEqualTo(79).contains("<=>").contains("1,234,567 firings");

        StringWriter text = new StringWriter();
        Progress progress = new Progress(new PrintWriter(text, true), true);
        progress.phase("assess");
        progress.update(5, 10, "facts");
        progress.paint();
        PrintWriter err = progress.erasingWriter();
        err.println("migkb: warning: something");
        progress.finish(true);

        String out = text.toString();
        assertThat(out).startsWith("\rmigkb: assessing").contains(" 50%");
        assertThat(out).as("the bar is erased before the warning").containsPattern("\r +\rmigkb: warning: something");
    }
}
