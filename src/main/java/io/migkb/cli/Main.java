package io.migkb.cli;

import io.migkb.engine.RuleCache;
import io.migkb.report.TerminalSafeWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The migkb command line. Logback is configured here and only here: the library logs through SLF4J alone. */
@Command(name = "migkb",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Assess a meeting-migration inventory (OCS 2007 R2 and Lync Server 2010 to Lync Server 2013) "
            + "against a Drools rule catalogue that is loaded at run time from rules/."},
        subcommands = {AssessCommand.class, PlanCommand.class, RulesCommand.class, CheckCommand.class, TestCommand.class,
            WatchCommand.class,
            GenerateCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 bad input or bad rules.",
            "Docs: README.md and docs/ beside bin/migkb."})
public final class Main implements Runnable {
    private static final ThreadLocal<PrintStream> STDOUT = ThreadLocal.withInitial(() -> System.out);

    static {
        // Before any logger exists: the CLI's own Logback configuration (CliLogging), unless the user names a file.
        CliLogging.enable();
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        // Compiled rules are cached between runs of the command (not of tests calling run): see CacheSetting.
        RuleCache.setShared(CacheSetting.fromEnvironment());
        StandardOutput.install();
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code; the tests call this. */
    public static int run(String... args) {
        CommandLine cli = commandLine();
        cli.setErr(stderr(System.err, java.nio.charset.Charset.defaultCharset()));
        return execute(cli, args);
    }

    /** Runs with the given standard output and error (tests capture them this way). */
    public static int run(PrintStream out, PrintStream err, String... args) {
        PrintStream previous = STDOUT.get();
        STDOUT.set(out);
        try {
            CommandLine cli = commandLine();
            cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
            cli.setErr(stderr(err, StandardCharsets.UTF_8));
            return execute(cli, args);
        } finally {
            STDOUT.set(previous);
        }
    }

    /** Runs, then makes a failed write to standard output an error (exit 2) whatever the command returned. */
    private static int execute(CommandLine cli, String[] args) {
        int code = cli.execute(args);
        cli.getOut().flush();
        // A command that failed on it said so already (its exit is 2): say it once.
        if (code != ExitCode.BAD_INPUT && (cli.getOut().checkError() || stdout().checkError())) {
            PrintWriter err = cli.getErr();
            err.println("migkb: " + StandardOutput.failure());
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        return code;
    }

    private static PrintWriter stderr(PrintStream err, java.nio.charset.Charset charset) {
        return new PrintWriter(new TerminalSafeWriter(new OutputStreamWriter(err, charset),
                TerminalSafeWriter.Replacement.CODE), true);
    }

    /** Where reports go when no file is named: System.out, unless a caller of {@link #run} gave another. */
    static PrintStream stdout() {
        return STDOUT.get();
    }

    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("migkb: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return ExitCode.BAD_INPUT;
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler(Main::badUsage);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }
}
