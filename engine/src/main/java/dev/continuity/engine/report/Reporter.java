package dev.continuity.engine.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a report in one format. Output is deterministic: the same result gives the same bytes.
 * A format's name and file extension are registered once, in {@link Reporters}.
 */
public interface Reporter {
    void write(ReportContext ctx, OutputStream out) throws IOException;
}
