package dev.continuity.engine.report;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a report in one format. Output is deterministic: the same result gives the same bytes. */
public interface Reporter {
    /** The format name used by --format, e.g. "json". */
    String format();

    /** The file extension used with --output, e.g. "json". */
    String extension();

    void write(ReportContext ctx, OutputStream out) throws IOException;
}
