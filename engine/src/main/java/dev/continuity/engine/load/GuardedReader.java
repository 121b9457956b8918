package dev.continuity.engine.load;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;

/**
 * Reads a file for the YAML parser and stops it, in time linear in the file's size, at the first
 * line too long to hold a value of at most {@link Binder#MAX_SCALAR} characters (SnakeYAML's time
 * grows faster than linearly with the length of a scalar), or at the first byte that is not UTF-8.
 * Stopping means end of input: the reader then reports the one real problem instead of the
 * parser's complaint about the cut.
 */
final class GuardedReader extends FilterReader {
    /** The longest line accepted: a maximal value plus room for its key and indentation. */
    static final int MAX_LINE = Binder.MAX_SCALAR + 1024;

    private int line = 1;
    private int lineLength;
    int longLine;          // the first line that is too long, or 0
    boolean notUtf8;

    GuardedReader(Reader in) {
        super(in);
    }

    boolean stopped() {
        return longLine > 0 || notUtf8;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (stopped()) return -1;
        int n;
        try {
            n = super.read(buf, off, len);
        } catch (CharacterCodingException e) {
            notUtf8 = true;
            return -1;
        }
        for (int i = off; i < off + n; i++) {
            if (buf[i] == '\n') {
                line++;
                lineLength = 0;
            } else if (++lineLength > MAX_LINE) {
                longLine = line;
                return i - off > 0 ? i - off : -1;
            }
        }
        return n;
    }
}
