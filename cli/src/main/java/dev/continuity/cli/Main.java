package dev.continuity.cli;

import dev.continuity.engine.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

/** The continuity command. Thin: every decision is the engine's. */
@Command(name = "continuity",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Policy-as-code compliance checks for business continuity.",
        footer = {"", "Exit codes: 0 no open finding at or above --fail-on; 1 there is one; 2 usage or input error; 3 internal error."})
public final class Main implements Runnable {
    @CommandLine.Mixin
    DebugOption debug;

    /** The subcommands, in the order help lists them. */
    static final List<Class<?>> COMMANDS = List.of(CheckCommand.class, DiffCommand.class, ImpactCommand.class, ImportCommand.class,
            RulesCommand.class, ExplainCommand.class, SchemaCommand.class, VerifyCommand.class, InitCommand.class, CommandLine.HelpCommand.class);

    /** Exit code of a bug in continuity itself (never of a user mistake). */
    static final int INTERNAL_ERROR = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        warmUp(args);
        // UTF-8 whatever the locale: under LANG=C the platform charset would turn münchen into m?nchen
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(new java.io.FileOutputStream(java.io.FileDescriptor.out),
                java.nio.charset.StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(new java.io.FileOutputStream(java.io.FileDescriptor.err),
                java.nio.charset.StandardCharsets.UTF_8), true);
        int code;
        try {
            code = run(args, out, err);
        } catch (Throwable e) { // an Error from the engine (picocli handles exceptions): never exit 1, never a raw stack trace
            code = fatal(err, e, java.util.Arrays.asList(args).contains("--debug"));
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Out of memory or stack: our limit, not a finding (exit 1) and never a raw stack trace. The
     * message is one line and says what to try.
     */
    static int fatal(PrintWriter err, Throwable e, boolean debug) {
        return fatal(err, e, debug, dev.continuity.engine.eval.RulePack.warmUpFailure());
    }

    /** @param warmUp what the warm-up thread failed with, or null */
    static int fatal(PrintWriter err, Throwable e, boolean debug, Throwable warmUp) {
        Throwable cause = virtualMachineError(e);
        // a class whose initialisation failed fails later with NoClassDefFoundError, without its cause:
        // name the first cause, the warm-up thread's when it met one, else what it most likely was
        if (cause == e && e instanceof NoClassDefFoundError && String.valueOf(e.getMessage()).startsWith("Could not initialize")) {
            cause = warmUp == null ? new OutOfMemoryError("a class could not be initialised, most likely for lack of memory")
                    : virtualMachineError(warmUp);
        }
        if (cause instanceof ExceptionInInitializerError && cause.getCause() != null) cause = cause.getCause();
        String what = cause instanceof OutOfMemoryError ? "out of memory (" + cause.getMessage() + "); give the JVM more heap,"
                + " e.g. CONTINUITY_JAVA_OPTS=-Xmx8g, and report the inventory size if it should have fitted"
                : cause instanceof StackOverflowError ? "out of stack (a very deep dependsOn chain?); give the JVM a larger stack,"
                + " e.g. CONTINUITY_JAVA_OPTS=-Xss64m, and please report it"
                : dev.continuity.engine.text.Text.escape(cause.toString()); // one line, whatever the message holds
        err.println("continuity: internal error: " + what);
        if (debug) {
            e.printStackTrace(err);
            if (warmUp != null && cause != e) warmUp.printStackTrace(err);
        }
        err.flush();
        return INTERNAL_ERROR;
    }

    /** The first out of memory or stack among {@code e} and its causes, else {@code e} itself. */
    private static Throwable virtualMachineError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof VirtualMachineError) return t;
        }
        return e;
    }

    /**
     * Builds the rule base on a second core while the command line is parsed and the inventory
     * loaded (the holder's class initialisation makes the main thread wait for it if it gets there
     * first). Only for the commands that need the rules; a check also gets its loader and the
     * cache it names ready first ({@link dev.continuity.engine.eval.Check#warmUpInBackground}).
     */
    static void warmUp(String[] args) {
        if (args.length == 0 || !List.of("check", "rules", "explain", "verify").contains(args[0])) return;
        if (args[0].equals("check")) dev.continuity.engine.eval.Check.warmUpInBackground(cacheOption(args));
        else dev.continuity.engine.eval.RulePack.warmUpInBackground();
    }

    /** The file {@code --cache FILE} or {@code --cache=FILE} names, as picocli will read it; null when none. */
    static java.nio.file.Path cacheOption(String[] args) {
        java.nio.file.Path cache = null;
        try {
            for (int i = 1; i < args.length; i++) {
                if (args[i].equals("--")) break;
                if (args[i].equals("--cache") && i + 1 < args.length) cache = java.nio.file.Path.of(args[++i]);
                else if (args[i].startsWith("--cache=")) cache = java.nio.file.Path.of(args[i].substring("--cache=".length()));
            }
        } catch (java.nio.file.InvalidPathException e) {
            return null; // picocli reports it
        }
        return cache;
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        // picocli reads every command class it is given (annotations, fields, reflection): when the
        // first argument names a command, only that one is built, which is most of picocli's start-up
        Class<?> named = args.length == 0 ? null : COMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(args[0]))
                .findFirst().orElse(null);
        for (Class<?> c : named != null ? List.of(named) : COMMANDS) cl.addSubcommand(c);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.registerConverter(java.time.LocalDate.class, text -> {
            try {
                return dev.continuity.engine.load.Dates.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        });
        cl.registerConverter(dev.continuity.engine.eval.Threshold.class, text -> {
            try {
                return dev.continuity.engine.eval.Threshold.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean debug = parseResult.expandedArgs().contains("--debug");
            commandLine.getErr().println("continuity: internal error: " + ex);
            if (debug) ex.printStackTrace(commandLine.getErr());
            else commandLine.getErr().println("(run again with --debug for the stack trace, and please report it)");
            return INTERNAL_ERROR;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Lists input errors, one per line as file:line:column: message, and says how many there were. */
    static int inputErrors(java.io.PrintWriter err, dev.continuity.engine.load.InputException e) {
        // InputError's text escapes control characters: input can never forge a line here
        for (dev.continuity.engine.load.InputError error : e.errors()) err.println(error);
        err.println(e.errors().size() + (e.errors().size() == 1 ? " input error" : " input errors") + "; nothing was checked");
        return 2;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{Version.NAME + " " + Version.get(), "Java " + System.getProperty("java.version")};
        }
    }
}
