package io.migkb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Compiling the catalogue logs no warning of Drools' (an embedder's log shows them all): each rule file sits in the
 * folder of the package it declares, and no rule needs an eval or defeats property reactivity.
 */
class QuietBuildTest {

    @Test
    void compilingTheBundledCatalogueLogsNoWarningFromDrools() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        root.addAppender(events);
        // Whatever the test configuration quiets: every Drools logger at WARN.
        Logger drools = (Logger) LoggerFactory.getLogger("org.drools");
        Logger builder = (Logger) LoggerFactory.getLogger("org.drools.compiler.kie.builder.impl.KieBuilderImpl");
        Level droolsLevel = drools.getLevel();
        Level builderLevel = builder.getLevel();
        drools.setLevel(Level.WARN);
        builder.setLevel(Level.WARN);
        try {
            RuleCompiler.compile(RuleFiles.bundled(), RuleCache.disabled());
        } finally {
            root.detachAppender(events);
            drools.setLevel(droolsLevel);
            builder.setLevel(builderLevel);
        }
        assertThat(events.list.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()))
                .isEmpty();
    }
}
