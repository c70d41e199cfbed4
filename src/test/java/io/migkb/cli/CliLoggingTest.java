package io.migkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

/** The command line's logging, set up in code: the same lines and levels the XML file gave. */
class CliLoggingTest {
    @Test
    void oneLinePerEventNamedByTheLoggersSimpleName() {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("x", context.getLogger("io.migkb.inventory.LyncExportInventoryReader"),
                Level.WARN, "left out {} users", null, new Object[] {2});
        assertThat(new CliLogging.OneLine().doLayout(event))
                .isEqualTo("migkb: WARN LyncExportInventoryReader: left out 2 users" + System.lineSeparator());
    }

    @Test
    void warningsOnlyAndDroolsFromErrorsUp() {
        LoggerContext context = new LoggerContext();
        CliLogging.enable();
        String named = System.clearProperty("logback.configurationFile");
        try {
            assertThat(new CliLogging().configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        } finally {
            if (named != null) {
                System.setProperty("logback.configurationFile", named);
            }
        }
        assertThat(context.getLogger("io.migkb.engine.RuleCompiler").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.drools.mvel.MVELConstraint").getEffectiveLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("org.drools.compiler.kie.builder.impl.KieProject").getEffectiveLevel())
                .isEqualTo(Level.OFF);
        assertThat(context.getLogger("org.apache.poi").getEffectiveLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void aLogbackFileTheUserNamesWins() {
        CliLogging.enable();
        String named = System.setProperty("logback.configurationFile", "mine.xml");
        try {
            assertThat(new CliLogging().configure(new LoggerContext()))
                    .isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        } finally {
            if (named == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", named);
            }
        }
    }
}
