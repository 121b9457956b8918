package dev.continuity.cli;

import picocli.CommandLine.Option;

/** {@code --debug} on every command: stack traces of internal errors (exit 3). Main's handler reads it. */
final class DebugOption {
    @Option(names = "--debug", description = "Print the stack trace of an internal error (exit 3)")
    boolean debug;
}
