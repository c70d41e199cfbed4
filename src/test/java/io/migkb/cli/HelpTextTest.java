package io.migkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

/** The help stands alone: every description whole in the command list, wrapped evenly, pointing at nothing outside. */
class HelpTextTest {
    @Test
    void theCommandListGivesEveryCommandsWholeDescription() {
        String help = normalized(CliRun.of("--help").out());
        for (Map.Entry<String, CommandLine> sub : Main.commandLine().getSubcommands().entrySet()) {
            if (sub.getKey().equals("help")) {
                continue; // picocli's own
            }
            String description = normalized(String.join(" ", sub.getValue().getCommandSpec().usageMessage().description()));
            assertThat(help).as(sub.getKey()).contains(description);
        }
    }

    @Test
    void descriptionsWrapEvenlyAndPointAtNoFileOutsideTheProject() {
        for (String command : Main.commandLine().getSubcommands().keySet()) {
            if (command.equals("help")) {
                continue;
            }
            String help = CliRun.of(command, "--help").out();
            assertThat(help).as(command).doesNotContain("DESIGN.md");
            List<String> lines = help.lines().toList();
            int first = 0;
            while (first < lines.size() && (lines.get(first).startsWith("Usage:") || lines.get(first).startsWith(" "))) {
                first++;
            }
            int end = first;
            while (end < lines.size() && !lines.get(end).startsWith(" ")) {
                end++;
            }
            // The description's lines: each but the last filled to near the width, none cut short mid-paragraph.
            for (int i = first; i < end - 1; i++) {
                assertThat(lines.get(i).length()).as(command + ": \"" + lines.get(i) + "\"").isGreaterThan(60);
            }
        }
    }

    private static String normalized(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
