package dev.continuity.maven;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The forked JVM's side of {@code continuity:check} ({@link Fork} starts it): runs the
 * {@link CheckRequest} given as arguments and writes each log line to standard output as a
 * {@link Records record}; the passing record carries the word the Mojo wrote to its standard input. Exit 0 when the build passes, 1 when it must fail (the last record says
 * why), 3 for a bug (the stack trace on standard error).
 */
public final class ForkedCheck {
    private ForkedCheck() {
    }

    public static void main(String[] args) {
        // the records' own stream; anything else a library prints goes to standard error
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        int exit;
        try {
            // the word the passing record must carry: given on standard input, so that no rule that prints can forge a pass
            String nonce = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            CheckRun.run(CheckRequest.fromArgs(args), (kind, text) -> out.println(Records.encode(kind, text)));
            out.println(Records.encode(Records.PASS, nonce == null ? "" : nonce));
            exit = 0;
        } catch (CheckRun.Failure f) {
            out.println(Records.encode(Records.FAIL, f.getMessage()));
            exit = 1;
        } catch (Throwable t) {
            t.printStackTrace();
            exit = 3;
        }
        out.flush();
        System.err.flush();
        System.exit(exit);
    }
}
