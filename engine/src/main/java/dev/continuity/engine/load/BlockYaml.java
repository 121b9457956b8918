package dev.continuity.engine.load;

import com.fasterxml.jackson.core.JsonToken;
import dev.continuity.engine.load.YNode.YEntry;
import dev.continuity.engine.load.YNode.YMap;
import dev.continuity.engine.load.YNode.YScalar;
import dev.continuity.engine.load.YNode.YSeq;
import dev.continuity.engine.model.Location;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the block YAML that inventories are written in straight from a file's bytes into the
 * nodes {@link YamlReader} makes, with the same text, types and locations, for an eighth of the
 * CPU. It reads a subset only: block mappings with plain keys; block sequences (indented or not,
 * with compact mappings as items); plain scalars (over several lines too); single- and
 * double-quoted scalars (over several lines too, with the escapes {@code \\ \" \n \t \ } and
 * escaped line breaks); literal and folded block scalars (with a chomping indicator, without an
 * indentation indicator); flow sequences and mappings on one line; comments; documents separated
 * by {@code ---}; lines ended by LF or CR LF; a byte order mark before the text. At anything else
 * (a tab, a lone carriage return, a control character, a byte order mark inside the text, a
 * character that is not UTF-8, NEL or U+2028, an anchor, an alias, a tag, a directive, a quoted
 * key, a flow collection over several lines, a number in octal, hex or with underscores, an
 * unusual indentation, any syntax error) it stops, and the
 * caller reads the file with SnakeYAML from the document it stopped in: every message about YAML
 * comes from SnakeYAML, and so does every node outside the subset. {@code BlockYamlTest} compares
 * the two readers on every inventory of the repository and on random and mutated documents.
 */
final class BlockYaml {
    /** Deepest nesting read here (Jackson refuses more than 100 levels; SnakeYAML's reader reports that). */
    private static final int MAX_DEPTH = 64;
    /** Longest simple key SnakeYAML accepts. */
    private static final int MAX_KEY = 1024;
    /** Indentation of the current line when there is none: end of input, or a document marker at its start. */
    private static final int EOF = -1, MARKER = -2;

    /** Where the text leaves the subset; made once, without a stack trace. */
    private static final class Leave extends RuntimeException {
        Leave() {
            super(null, null, false, false);
        }
    }

    private static final Leave LEAVE = new Leave();

    private final byte[] b;
    private final int end;
    private final String file;
    private final boolean ascii;
    /** Errors of the document being read (duplicate keys), kept only once it is read whole. */
    private final List<InputError> docErrors = new ArrayList<>();
    private int pos;
    private int line;
    private int lineStart;
    /** Column of the first character of the current line that is not a space, or EOF, or MARKER. */
    private int indent;
    private int depth;
    /** {@link #column}'s count: the line (its start), up to where, and how many code points. */
    private int countedLine = -1, countedTo, counted;

    private BlockYaml(byte[] bytes, String file, boolean ascii) {
        this.b = bytes;
        this.end = bytes.length;
        this.file = file;
        this.ascii = ascii;
    }

    /**
     * Reads a file's documents, giving each one that is not empty to {@code each} as soon as it is
     * read, as {@link YamlReader#read(java.io.Reader, Consumer)} does.
     *
     * @return -1 when the whole file was read; else how many documents were given before it
     * stopped: the rest of the file is then for SnakeYAML, from the document it stopped in (the
     * errors of the documents given are in {@code errors}, those of the one it stopped in are not)
     */
    static int read(byte[] bytes, String file, List<InputError> errors, Consumer<YNode> each) {
        // a byte order mark before the text (Windows editors write one) is no character of it, and
        // takes no column: SnakeYAML passes over it
        if (bytes.length >= 3 && bytes[0] == (byte) 0xef && bytes[1] == (byte) 0xbb && bytes[2] == (byte) 0xbf) {
            bytes = java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        int kind = plain(bytes);
        if (kind == NOT_PLAIN) return 0;
        // a carriage return before each line feed (Windows) is nothing to YAML but the end of a line:
        // without them the lines, and the columns on them, are the same
        return new BlockYaml((kind & CRLF) != 0 ? withoutCr(bytes) : bytes, file, (kind & ASCII) != 0).documents(errors, each);
    }

    /** What {@link #plain} finds: bytes this reader does not read; or flags: only ASCII, lines ended by CR LF. */
    static final int NOT_PLAIN = -1, ASCII = 1, CRLF = 2;

    private static byte[] withoutCr(byte[] b) {
        byte[] out = new byte[b.length];
        int n = 0;
        for (byte x : b) if (x != '\r') out[n++] = x;
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * Whether the bytes hold only what this reader reads: no control character but the line feed
     * (and a carriage return just before one), no line longer than the guard allows, and, besides
     * ASCII, only UTF-8 of printable characters that are not line breaks for YAML. {@link #NOT_PLAIN}
     * when they do not; else {@link #ASCII} when they are ASCII, and {@link #CRLF} when a carriage
     * return ends a line.
     */
    static int plain(byte[] b) {
        boolean ascii = true, crlf = false;
        int lineStart = 0;
        for (int i = 0; i < b.length; i++) {
            int x = b[i];
            if (x == '\n') {
                if (i - lineStart > GuardedReader.MAX_LINE) return NOT_PLAIN;
                lineStart = i + 1;
            } else if (x < 0) {
                ascii = false;
                int n = character(b, i);
                if (n == 0) return NOT_PLAIN;
                i += n - 1;
            } else if (x == '\r' && i + 1 < b.length && b[i + 1] == '\n') {
                crlf = true;
            } else if (x < 0x20 || x == 0x7f) {
                return NOT_PLAIN;
            }
        }
        if (b.length - lineStart > GuardedReader.MAX_LINE || b.length > YamlReader.MAX_CODE_POINTS) return NOT_PLAIN;
        return (ascii ? ASCII : 0) | (crlf ? CRLF : 0);
    }

    /**
     * The length of the UTF-8 sequence at {@code i} (its first byte not ASCII), or 0 when it is
     * not well-formed UTF-8 (a stray or missing continuation byte, an overlong form, a surrogate,
     * beyond U+10FFFF) or encodes a character this reader leaves to SnakeYAML: the C1 controls (NEL
     * among them), the line and paragraph separators, the byte order mark, U+FFFE and U+FFFF.
     */
    static int character(byte[] b, int i) {
        int x = b[i] & 0xff, n, cp;
        if (x >= 0xc2 && x <= 0xdf) {
            n = 2;
            cp = x & 0x1f;
        } else if (x >= 0xe0 && x <= 0xef) {
            n = 3;
            cp = x & 0x0f;
        } else if (x >= 0xf0 && x <= 0xf4) {
            n = 4;
            cp = x & 0x07;
        } else {
            return 0;
        }
        if (i + n > b.length) return 0;
        for (int k = 1; k < n; k++) {
            int y = b[i + k] & 0xff;
            if ((y & 0xc0) != 0x80) return 0;
            cp = cp << 6 | (y & 0x3f);
        }
        if (n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) return 0;
        if (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) return 0;
        if (cp <= 0x9f || cp == 0x2028 || cp == 0x2029 || cp == 0xfeff || cp == 0xfffe || cp == 0xffff) return 0;
        return n;
    }

    private int documents(List<InputError> errors, Consumer<YNode> each) {
        int given = 0;
        try {
            nextContent();
            while (indent != EOF) {
                if (indent == MARKER) {
                    documentStart();
                    nextContent();
                    continue; // an empty document (another marker or the end next) gives nothing
                }
                byte first = b[pos];
                boolean collection = isEntry(pos) || (first != '[' && first != '{' && first != '"' && first != '\'' && keyOnLine());
                YNode doc = collection ? block() : scalar(-1); // a document that is one value (a default, say)
                if (indent >= 0) throw LEAVE; // something after the document's root, not at its indentation
                if (YamlReader.isEmptyDocument(doc)) continue;
                errors.addAll(docErrors);
                docErrors.clear();
                each.accept(doc);
                given++;
            }
            return -1;
        } catch (Leave e) {
            return given;
        }
    }

    /** At a document marker: {@code ---} with nothing after it but a comment. */
    private void documentStart() {
        if (b[pos] != '-') throw LEAVE; // ... ends a document: left to SnakeYAML
        pos += 3;
        restOfLine();
    }

    // ---- lines

    /** At a line's start: records it. */
    private void newLine() {
        line++;
        lineStart = pos;
    }

    /**
     * From anywhere in a line: to the first character of the next line that holds more than spaces
     * and a comment (the current one's rest must be spaces or a comment), setting {@link #indent}.
     */
    private void nextContent() {
        // the rest of the current line, unless at a line's start already
        if (pos > lineStart) skipToLineEnd();
        while (true) {
            if (pos >= end) {
                indent = EOF;
                return;
            }
            int start = pos;
            while (pos < end && b[pos] == ' ') pos++;
            if (pos >= end) {
                indent = EOF;
                return;
            }
            byte x = b[pos];
            if (x == '\n') {
                pos++;
                newLine();
                continue;
            }
            if (x == '#') {
                skipToLineEnd();
                continue;
            }
            if (pos == start && (x == '-' || x == '.') && pos + 2 < end && b[pos + 1] == x && b[pos + 2] == x
                    && (pos + 3 == end || b[pos + 3] == ' ' || b[pos + 3] == '\n')) {
                indent = MARKER;
                return;
            }
            if (pos == start && x == '%') throw LEAVE; // a directive
            indent = pos - start;
            return;
        }
    }

    /** Past the end of the current line (its line feed included). */
    private void skipToLineEnd() {
        while (pos < end && b[pos] != '\n') pos++;
        if (pos < end) {
            pos++;
            newLine();
        }
    }

    /** After a node on this line: only spaces and a comment may follow. */
    private void restOfLine() {
        while (pos < end && b[pos] == ' ') pos++;
        if (pos >= end || b[pos] == '\n') return;
        if (b[pos] == '#' && b[pos - 1] == ' ') return; // (after the spaces skipped)
        throw LEAVE;
    }

    private boolean atLineEnd() {
        return pos >= end || b[pos] == '\n' || (b[pos] == '#' && b[pos - 1] == ' ');
    }

    private boolean isEntry(int p) {
        return b[p] == '-' && blankAfter(p);
    }

    /** Whether the byte at {@code p} ends the line or is followed by a space or the line's end (a ':' or '-' so followed is YAML's, not text). */
    private boolean blankAfter(int p) {
        return p + 1 == end || b[p + 1] == ' ' || b[p + 1] == '\n';
    }

    /** Whether a comment starts after the byte at {@code p} (a space, then '#'). */
    private boolean commentAfter(int p) {
        return b[p] == ' ' && p + 1 < end && b[p + 1] == '#';
    }

    /** Whether a plain scalar starts here: not at an indicator, but a '-' followed by text is one. */
    private boolean startsPlain() {
        return !indicator(b[pos]) || (b[pos] == '-' && !blankAfter(pos));
    }

    /** Where a plain scalar that ends before {@code e} ends without its trailing spaces (it starts with text). */
    private int trimmed(int e) {
        while (b[e - 1] == ' ') e--;
        return e;
    }

    /** A plain scalar with the type Jackson gives it (a null's text is empty, as YamlReader has it). */
    private static YScalar plainScalar(Location at, String text) {
        JsonToken token = type(text);
        return new YScalar(at, token == JsonToken.VALUE_NULL ? "" : text, token);
    }

    /**
     * Past the text of a plain scalar on this line, up to the line's end or a comment (true: a
     * comment); a ':' followed by a space or the line's end in it is YAML's, left to SnakeYAML.
     */
    private boolean plainLine() {
        while (pos < end) {
            byte x = b[pos];
            if (x == '\n') return false;
            if (x == ':' && blankAfter(pos)) throw LEAVE;
            if (commentAfter(pos)) return true;
            pos++;
        }
        return false;
    }

    /** The 0-based column of a position on the current line, in code points as SnakeYAML counts. */
    private int column(int p) {
        if (ascii) return p - lineStart;
        // counted on from the last position asked on this line: linear in a long line of many values
        if (countedLine != lineStart || countedTo > p) {
            countedLine = lineStart;
            countedTo = lineStart;
            counted = 0;
        }
        for (int i = countedTo; i < p; i++) if ((b[i] & 0xc0) != 0x80) counted++;
        countedTo = p;
        return counted;
    }

    private Location at(int p) {
        return new Location(file, line + 1, column(p) + 1);
    }

    private String text(int from, int to) {
        return new String(b, from, to - from, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    // ---- nodes

    /** The block node that starts at the current line's first character. */
    private YNode block() {
        if (++depth > MAX_DEPTH) throw LEAVE;
        int c = indent;
        YNode n = isEntry(pos) ? seq(c) : map(c);
        depth--;
        return n;
    }

    /** A block mapping whose keys are at column {@code c}; at its first key. */
    private YMap map(int c) {
        Location at = at(pos);
        LinkedHashMap<String, YEntry> entries = new LinkedHashMap<>();
        while (true) {
            Location keyAt = at(pos);
            String key = key(false);
            YNode value = mapValue(c);
            YamlReader.put(entries, key, keyAt, value, docErrors);
            if (indent == c) {
                if (isEntry(pos)) throw LEAVE; // an entry where a key belongs
                continue;
            }
            if (indent > c) throw LEAVE;
            return new YMap(at, entries);
        }
    }

    /**
     * A plain key on one line, up to its ':' (then just past it); in a flow mapping ({@code flow}),
     * the ':' must be followed by a space.
     */
    private String key(boolean flow) {
        int s = pos;
        if (indicator(b[s])) throw LEAVE;
        int p = s;
        while (true) {
            if (p >= end) throw LEAVE;
            byte x = b[p];
            if (x == '\n' || flow && (x == '?' || flowIndicator(x))) throw LEAVE;
            if (x == ':') {
                if (flow ? p + 1 < end && b[p + 1] == ' ' : blankAfter(p)) break;
                if (flow && (blankAfter(p) || flowIndicator(b[p + 1]))) throw LEAVE;
            }
            if (commentAfter(p) || (x == ' ' && p + 1 < end && b[p + 1] == ':')) throw LEAVE;
            p++;
        }
        if (p - s > MAX_KEY) throw LEAVE;
        pos = p + 1;
        return text(s, p);
    }

    /** A mapping's value; just after the ':' of its key. */
    private YNode mapValue(int c) {
        int afterColon = pos;
        while (pos < end && b[pos] == ' ') pos++;
        if (atLineEnd()) {
            Location empty = at(afterColon);
            nextContent();
            if (indent > c) return block();
            if (indent == c && isEntry(pos)) return seq(c); // a sequence at its key's indentation
            return new YScalar(empty, "", JsonToken.VALUE_STRING);
        }
        return scalar(c);
    }

    /** A block sequence whose entries are at column {@code c}; at its first '-'. */
    private YSeq seq(int c) {
        Location at = at(pos);
        List<YNode> items = new ArrayList<>();
        while (true) {
            pos++; // the '-'
            Location empty = at(pos);
            while (pos < end && b[pos] == ' ') pos++;
            YNode item;
            if (atLineEnd()) {
                nextContent();
                item = indent > c ? block() : new YScalar(empty, "", JsonToken.VALUE_STRING);
            } else if (b[pos] == '"' || b[pos] == '\'' || b[pos] == '[' || b[pos] == '{' || !keyOnLine()) {
                item = scalar(c);
            } else {
                if (++depth > MAX_DEPTH) throw LEAVE;
                item = map(column(pos));
                depth--;
            }
            items.add(item);
            if (indent == c && isEntry(pos)) continue;
            if (indent > c) throw LEAVE;
            return new YSeq(at, items);
        }
    }

    /** Whether a key's ':' follows on this line (before a comment). */
    private boolean keyOnLine() {
        for (int p = pos; p < end; p++) {
            byte x = b[p];
            if (x == '\n') return false;
            if (x == ':' && blankAfter(p)) return true;
            if (commentAfter(p)) return false;
        }
        return false;
    }

    /** Characters that cannot start a plain scalar here (or start one this reader leaves to SnakeYAML). */
    private static boolean indicator(byte x) {
        return switch (x) {
            case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ' -> true;
            default -> false;
        };
    }

    /**
     * A scalar that starts on this line, inside a block whose indentation is {@code c}; then to the
     * next line with content, which must not be indented further (that would continue a plain scalar).
     */
    private YNode scalar(int c) {
        Location at = at(pos);
        byte first = b[pos];
        YNode s;
        if (first == '[' || first == '{') {
            s = flow();
        } else if (first == '"' || first == '\'') {
            s = new YScalar(at, quoted(first == '"', c), JsonToken.VALUE_STRING);
        } else if (first == '|' || first == '>') {
            s = new YScalar(at, blockScalar(first == '>', c), JsonToken.VALUE_STRING);
            nextContent(); // from the start of the line the scalar stopped at
            if (indent > c) throw LEAVE;
            return s;
        } else {
            if (!startsPlain()) throw LEAVE;
            int start = pos;
            boolean comment = plainLine();
            String text = text(start, trimmed(pos));
            // (a document's root value goes on over lines at any indentation: left to SnakeYAML, below)
            if (c >= 0 && !comment) text = plainLines(text, c);
            s = plainScalar(at, text);
        }
        restOfLine();
        nextContent();
        if (indent > c) throw LEAVE;
        return s;
    }

    /**
     * A plain scalar that may go on over the next lines, as SnakeYAML reads one: each next line
     * indented further than {@code c} that does not start a comment goes on with it, after a space
     * (or a line feed for each empty line between), up to a comment. At the end of its first line;
     * then at the end of its last.
     */
    private String plainLines(String first, int c) {
        StringBuilder sb = null;
        while (pos < end) {
            int p = pos + 1, ln = line + 1, ls = p, empty = 0, q;
            while (true) {
                q = p;
                while (q < end && b[q] == ' ') q++;
                if (q < end && b[q] == '\n') {
                    empty++;
                    p = q + 1;
                    ln++;
                    ls = p;
                    continue;
                }
                break;
            }
            if (q >= end || q - ls <= c || b[q] == '#') break; // the scalar ended on the line before
            pos = q;
            line = ln;
            lineStart = ls;
            int start = pos;
            boolean comment = plainLine();
            if (sb == null) sb = new StringBuilder(first);
            if (empty == 0) sb.append(' ');
            for (int i = 0; i < empty; i++) sb.append('\n');
            sb.append(text(start, trimmed(pos)));
            if (comment) break;
        }
        return sb == null ? first : sb.toString();
    }

    /**
     * A literal ({@code |}) or folded ({@code >}) block scalar, as SnakeYAML's {@code scanBlockScalar}
     * reads one: its header (a chomping indicator at most: an indentation indicator is left to
     * SnakeYAML), its lines at the indentation of the first line with text (which must be that of
     * the longest empty line before it, and more than {@code c}), folded or not, then chomped. At
     * its indicator; then at the start of the line it stopped at.
     */
    private String blockScalar(boolean folded, int c) {
        pos++;
        int chomp = 0; // -1 strip, 0 clip, 1 keep
        if (pos < end && (b[pos] == '-' || b[pos] == '+')) chomp = b[pos++] == '-' ? -1 : 1;
        if (pos < end && b[pos] >= '0' && b[pos] <= '9') throw LEAVE;
        restOfLine();
        while (pos < end && b[pos] != '\n') pos++; // its comment
        if (pos >= end) throw LEAVE;
        pos++; // the header's line feed
        newLine();
        // the indentation: the most spaces on the empty lines before the first with text, and on it
        StringBuilder breaks = new StringBuilder();
        int maxIndent = 0;
        while (pos < end && (b[pos] == ' ' || b[pos] == '\n')) {
            if (b[pos] == '\n') {
                breaks.append('\n');
                pos++;
                newLine();
            } else {
                pos++;
                maxIndent = Math.max(maxIndent, pos - lineStart);
            }
        }
        int indent = Math.max(c + 1, Math.max(1, maxIndent));
        if (pos >= end || pos - lineStart != indent) throw LEAVE; // no text, or an empty line indented further
        StringBuilder chunks = new StringBuilder();
        String lineBreak = "";
        while (pos < end && pos - lineStart == indent) {
            chunks.append(breaks);
            boolean leadingNonSpace = b[pos] != ' ';
            int start = pos;
            while (pos < end && b[pos] != '\n') pos++;
            chunks.append(text(start, pos));
            lineBreak = "";
            if (pos < end) {
                lineBreak = "\n";
                pos++;
                newLine();
            }
            // the empty lines after it, each up to the indentation's spaces
            breaks.setLength(0);
            while (pos < end && b[pos] == ' ' && pos - lineStart < indent) pos++;
            while (pos < end && b[pos] == '\n') {
                breaks.append('\n');
                pos++;
                newLine();
                while (pos < end && b[pos] == ' ' && pos - lineStart < indent) pos++;
            }
            if (pos < end && pos - lineStart == indent) {
                if (folded && lineBreak.equals("\n") && leadingNonSpace && b[pos] != ' ') {
                    if (breaks.length() == 0) chunks.append(' ');
                } else {
                    chunks.append(lineBreak);
                }
            } else {
                break;
            }
        }
        if (chomp >= 0) chunks.append(lineBreak);
        if (chomp > 0) chunks.append(breaks);
        if (pos < end) pos = lineStart; // nextContent goes on from this line's start
        return chunks.toString();
    }

    // ---- flow collections, on one line

    /** A flow sequence or mapping on one line: at its '[' or '{'; then just past its closing bracket. */
    private YNode flow() {
        if (++depth > MAX_DEPTH) throw LEAVE;
        Location at = at(pos);
        boolean seq = b[pos] == '[';
        pos++;
        YNode out;
        if (seq) {
            List<YNode> items = new ArrayList<>();
            flowSpaces();
            if (b[pos] == ']') {
                pos++;
            } else {
                while (true) {
                    items.add(flowNode());
                    flowSpaces();
                    byte x = b[pos++];
                    if (x == ']') break;
                    if (x != ',') throw LEAVE;
                    flowSpaces();
                    if (b[pos] == ']') { // a trailing comma
                        pos++;
                        break;
                    }
                }
            }
            out = new YSeq(at, items);
        } else {
            LinkedHashMap<String, YEntry> entries = new LinkedHashMap<>();
            flowSpaces();
            if (b[pos] == '}') {
                pos++;
            } else {
                while (true) {
                    Location keyAt = at(pos);
                    String key = key(true);
                    flowSpaces();
                    YamlReader.put(entries, key, keyAt, flowNode(), docErrors);
                    flowSpaces();
                    byte x = b[pos++];
                    if (x == '}') break;
                    if (x != ',') throw LEAVE;
                    flowSpaces();
                    if (b[pos] == '}') {
                        pos++;
                        break;
                    }
                }
            }
            out = new YMap(at, entries);
        }
        depth--;
        return out;
    }

    /** Past spaces inside a flow collection, which must go on on this line, without a comment. */
    private void flowSpaces() {
        while (pos < end && b[pos] == ' ') pos++;
        if (pos >= end || b[pos] == '\n' || b[pos] == '#') throw LEAVE;
    }

    private static boolean flowIndicator(byte x) {
        return x == ',' || x == '[' || x == ']' || x == '{' || x == '}';
    }

    /** A value inside a flow collection: a nested one, a quoted scalar on this line, or a plain one. */
    private YNode flowNode() {
        byte first = b[pos];
        if (first == '[' || first == '{') return flow();
        Location at = at(pos);
        if (first == '"' || first == '\'') return new YScalar(at, quoted(first == '"', Integer.MAX_VALUE), JsonToken.VALUE_STRING);
        if (!startsPlain()) throw LEAVE;
        int start = pos;
        while (true) {
            if (pos >= end) throw LEAVE;
            byte x = b[pos];
            if (x == '\n' || x == '?') throw LEAVE;
            if (flowIndicator(x)) break;
            if (x == ':' && (blankAfter(pos) || flowIndicator(b[pos + 1]))) throw LEAVE;
            if (commentAfter(pos)) throw LEAVE;
            pos++;
        }
        return plainScalar(at, text(start, trimmed(pos)));
    }

    /** The type Jackson's YAML parser gives a plain scalar (its {@code _decodeScalar}). */
    private static JsonToken type(String text) {
        Tag tag = ScalarResolver.INSTANCE.resolve(NodeId.scalar, text, true);
        if (tag == Tag.STR) return JsonToken.VALUE_STRING;
        if (tag == Tag.NULL) return JsonToken.VALUE_NULL;
        if (tag == Tag.FLOAT) return JsonToken.VALUE_NUMBER_FLOAT;
        if (tag == Tag.INT) {
            // plain decimals only; Jackson's reading of other forms (octal, hex, binary, underscores,
            // sexagesimal, huge numbers) is left to it
            int i = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
            int digits = text.length() - i;
            if (digits < 1 || digits > 18 || (text.charAt(i) == '0' && digits > 1)) throw LEAVE;
            for (int k = i; k < text.length(); k++) if (text.charAt(k) < '0' || text.charAt(k) > '9') throw LEAVE;
            return JsonToken.VALUE_NUMBER_INT;
        }
        if (tag == Tag.BOOL) {
            Boolean bool = yamlBoolean(text);
            return bool == null ? JsonToken.VALUE_STRING : bool ? JsonToken.VALUE_TRUE : JsonToken.VALUE_FALSE;
        }
        return JsonToken.VALUE_STRING;
    }

    /** Jackson's {@code _matchYAMLBoolean} with its default features. */
    private static Boolean yamlBoolean(String v) {
        switch (v.length()) {
            case 1:
                switch (v.charAt(0)) {
                    case 'y', 'Y' -> {
                        return Boolean.TRUE;
                    }
                    case 'n', 'N' -> {
                        return Boolean.FALSE;
                    }
                    default -> {
                        return null;
                    }
                }
            case 2:
                if (v.equalsIgnoreCase("no")) return Boolean.FALSE;
                if (v.equalsIgnoreCase("on")) return Boolean.TRUE;
                return null;
            case 3:
                if (v.equalsIgnoreCase("yes")) return Boolean.TRUE;
                if (v.equalsIgnoreCase("off")) return Boolean.FALSE;
                return null;
            case 4:
                return v.equalsIgnoreCase("true") ? Boolean.TRUE : null;
            case 5:
                return v.equalsIgnoreCase("false") ? Boolean.FALSE : null;
            default:
                return null;
        }
    }

    /**
     * A quoted scalar's text, folded as SnakeYAML folds it (a line break between two lines is a
     * space, each empty line a line feed, spaces around a break dropped, an escaped break nothing);
     * its lines after the first must be indented further than {@code c}. At its opening quote; then
     * just past the closing one.
     */
    private String quoted(boolean dq, int c) {
        byte quote = dq ? (byte) '"' : (byte) '\'';
        pos++;
        StringBuilder sb = null;
        int run = pos;
        while (true) {
            if (pos >= end) throw LEAVE;
            byte x = b[pos];
            if (x == quote) {
                if (!dq && pos + 1 < end && b[pos + 1] == '\'') { // '' in single quotes
                    sb = append(sb, run, pos + 1);
                    pos += 2;
                    run = pos;
                    continue;
                }
                String s = sb == null ? text(run, pos) : append(sb, run, pos).toString();
                pos++;
                return s;
            }
            if (dq && x == '\\') {
                sb = append(sb, run, pos);
                if (pos + 1 >= end) throw LEAVE;
                byte e = b[pos + 1];
                pos += 2;
                switch (e) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case ' ' -> sb.append(' ');
                    case '\n' -> {
                        newLine();
                        breaks(sb, c, true);
                    }
                    default -> throw LEAVE;
                }
                run = pos;
                continue;
            }
            if (x == '\n') {
                int e = pos;
                while (e > run && b[e - 1] == ' ') e--;
                sb = append(sb, run, e);
                pos++;
                newLine();
                breaks(sb, c, false);
                run = pos;
                continue;
            }
            pos++;
        }
    }

    /**
     * After a line break in a quoted scalar, at the next line's start: the empty lines that follow,
     * each a line feed, then the spaces before the text goes on (dropped). An unescaped break with
     * no empty line after it is a space.
     */
    private void breaks(StringBuilder sb, int c, boolean escaped) {
        int empty = 0;
        while (true) {
            if (pos + 2 < end && (b[pos] == '-' || b[pos] == '.') && b[pos + 1] == b[pos] && b[pos + 2] == b[pos]) {
                throw LEAVE; // a document marker inside a quoted scalar: SnakeYAML says so
            }
            while (pos < end && b[pos] == ' ') pos++;
            if (pos >= end) throw LEAVE;
            if (b[pos] != '\n') break;
            pos++;
            newLine();
            empty++;
        }
        if (pos - lineStart <= c) throw LEAVE; // the text goes on at or left of its block's indentation
        if (empty == 0 && !escaped) sb.append(' ');
        for (int i = 0; i < empty; i++) sb.append('\n');
    }

    private StringBuilder append(StringBuilder sb, int from, int to) {
        if (sb == null) sb = new StringBuilder(Math.max(16, (to - from) * 2));
        if (to > from) sb.append(text(from, to));
        return sb;
    }
}
