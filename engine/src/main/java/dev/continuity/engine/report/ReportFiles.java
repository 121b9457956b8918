package dev.continuity.engine.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.*;
import java.util.ArrayList;
import java.util.List;

/** Writes reports as {@code continuity-report.<ext>} files, each atomically (temporary file, then rename). */
public final class ReportFiles {
    private ReportFiles() {
    }

    /** Writes one file per reporter into {@code dir}; returns the files written. */
    public static List<Path> write(ReportContext ctx, List<Reporters.Format> formats, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (Reporters.Format f : formats) {
            Path target = dir.resolve("continuity-report." + f.extension());
            writeAtomically(target, o -> f.reporter().write(ctx, o));
            out.add(target);
        }
        return out;
    }

    /** Something that writes a stream. */
    public interface Writing {
        void to(OutputStream out) throws IOException;
    }

    /**
     * Writes a temporary file beside the target, then renames it over the target. The temporary
     * file is named after the target and this process ({@code .NAME.PID.tmp}); leftovers of runs
     * that were killed (their process is gone) are removed first, so they never accumulate.
     */
    public static void writeAtomically(Path target, Writing writing) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String prefix = "." + target.getFileName() + ".";
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp");
        })) {
            for (Path leftover : old) {
                String pid = leftover.getFileName().toString().substring(prefix.length()).replaceFirst("\\.tmp$", "");
                boolean alive;
                try {
                    alive = ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
                } catch (NumberFormatException e) {
                    alive = false; // an older version's random name
                }
                if (!alive) Files.deleteIfExists(leftover);
            }
        }
        // not createTempFile: its owner-only permissions would stay on the report
        Path tmp = dir.resolve(prefix + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            try (OutputStream o = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writing.to(o);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The reporters for format names, in order, without repeats; throws IllegalArgumentException on an unknown one. */
    public static List<Reporters.Format> reporters(List<String> formats) {
        List<Reporters.Format> out = new ArrayList<>();
        for (String f : formats) {
            String name = f.trim().toLowerCase(java.util.Locale.ROOT);
            Reporters.Format r = Reporters.get(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown format '" + f.trim() + "'; available: " + String.join(", ", Reporters.formats())));
            if (!out.contains(r)) out.add(r);
        }
        return out;
    }
}
