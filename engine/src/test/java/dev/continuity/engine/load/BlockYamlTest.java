package dev.continuity.engine.load;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BlockYaml} against {@link YamlReader} (Jackson and SnakeYAML): for any text, what the
 * loader makes of it (block YAML's documents, then SnakeYAML's from the document where block YAML
 * stopped) is what SnakeYAML alone makes of it, node for node (text, type, line and column) and
 * error for error; and block YAML reads the repository's inventories whole.
 */
class BlockYamlTest {
    /** What a reading gave: the documents, the errors, and how many documents block YAML gave (-1: all). */
    private record Read(List<YNode> docs, List<InputError> errors, int given) {
    }

    private static Read snakeYaml(String text) {
        List<InputError> errors = new ArrayList<>();
        List<YNode> docs = new YamlReader("f.yaml", errors).read(new StringReader(text));
        return new Read(docs, errors, -1);
    }

    private static Read loader(String text) {
        List<InputError> errors = new ArrayList<>();
        List<YNode> docs = new ArrayList<>();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        new YamlReader("f.yaml", errors).read(bytes, () -> new StringReader(text), docs::add);
        // how many documents block YAML gave before SnakeYAML took over (-1: none took over)
        int given = BlockYaml.read(bytes, "f.yaml", new ArrayList<>(), d -> { });
        return new Read(docs, errors, given);
    }

    /** Asserts that the loader's reading of {@code text} is SnakeYAML's; returns it. */
    private static Read assertSame(String text) {
        Read expected = snakeYaml(text);
        Read actual = loader(text);
        assertThat(actual.docs()).as("documents of:\n%s", text).isEqualTo(expected.docs());
        assertThat(actual.errors()).as("errors of:\n%s", text).isEqualTo(expected.errors());
        return actual;
    }

    private static List<Path> inventories() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : List.of(Path.of("../samples"), Path.of("../rules/src/test/resources"), Path.of("src/test/resources"),
                Path.of("../cli/src/test/resources"), Path.of("../maven-plugin/src/it"))) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(f -> !f.toString().contains("/target/"))
                        .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void readsEveryInventoryOfTheRepositoryAsSnakeYamlDoes() throws IOException {
        List<Path> files = inventories();
        assertThat(files).hasSizeGreaterThan(200);
        int whole = 0;
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            if (assertSame(text).given() < 0) whole++;
        }
        // the fast reader is the one at work: it reads nearly every file whole
        assertThat(whole).as("files read whole of %s", files.size()).isGreaterThan(files.size() * 9 / 10);
    }

    @Test
    void readsWindowsLineEndsAsSnakeYamlDoes() throws IOException {
        int whole = 0, files = 0;
        for (Path f : inventories()) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            if (text.indexOf('\r') >= 0) continue;
            files++;
            if (assertSame(text.replace("\n", "\r\n")).given() < 0) whole++;
        }
        assertThat(whole).as("files read whole of %s", files).isGreaterThan(files * 9 / 10);
    }

    @Test
    void readsTheSamplesWhole() throws IOException {
        for (String sample : List.of("../samples/northwind/continuity", "../samples/northwind-compliant/continuity")) {
            try (Stream<Path> s = Files.list(Path.of(sample))) {
                for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    assertThat(assertSame(Files.readString(f)).given()).as("%s", f).isEqualTo(-1);
                }
            }
        }
    }

    @Test
    void readsWhatAGeneratorWritesWhole() {
        // Jackson's YAML writer folds a long double-quoted value with escaped line breaks
        String text = """
                kind: Plan
                id: p
                activation:
                  criteria: "a data centre or cloud region that hosts a critical service is lost,\\
                    \\ or is expected to stay down beyond the rto"
                  deactivation: "all services run\\tat their primary sites again, or \\"the\\" alternate site\\
                    \\ is made primary"
                """;
        Read r = assertSame(text);
        assertThat(r.given()).isEqualTo(-1);
        YNode.YMap map = (YNode.YMap) ((YNode.YMap) r.docs().get(0)).get("activation").value();
        assertThat(((YNode.YScalar) map.get("criteria").value()).text())
                .isEqualTo("a data centre or cloud region that hosts a critical service is lost, or is expected to stay down beyond the rto");
    }

    @Test
    void hasTheSameLocationsTypesAndDuplicateKeys() {
        for (String text : List.of(
                "a: 1\nb: -2\nc: +3\nd: 0\ne: 1.5\nf: yes\ng: No\nh: ~\ni:\nj: null\nk: 2026-01-01\nl: 0123\nm: 0x1F\nn: 1_000\no: .inf\n",
                "a:\n- 1\n-\n- x: 1\n  y:\n  - 2\n  z: 3\nb: [1]\n",
                "- a\n- - b\n",
                "kind: x\nkind: y\n---\nid: a\nid: b\n",
                "k: v # comment\n# comment\n  # indented comment\nl:   'it''s'   # c\nm: \"a\\\"b\"\n",
                "---\n---\na: 1\n...\n",
                "a: 'one\n\n  two\n   three'\nb: \"x  \n   y\"\n",
                "  a: 1\n  b: 2\n",
                "a: 1\n b: 2\n",
                "a: b: c\n",
                "a: Zürich\nb: 日本: x\nc: ok\n",
                "a: &x 1\nb: *x\n",
                "a: !!str 1\n",
                "a: |\n  text\n",
                "a: plain\n  continued\n",
                "a: \"unterminated\n",
                "x: 1\n---\ny: [\n",
                "\"q\": 1\n",
                "a: 1\n- b\n",
                "a:\n  - 1\n  b: 2\n",
                "a: {ü: é, ö: [ä, 'ß', \"€\"], x: 1}\n- 日本\n",
                "b: {ü: é, ö: [ä, 'ß', \"€\"], x: 1}\nc: [𝄞, x, 'y', é]\n",
                "a: |\n  one\n  two\n", "a: >\n  one\n  two\n\n  three\n    four\n  five\nb: 1\n", "a: |-\n  x\n\n", "a: |+\n  x\n\n\nb: 2\n",
                "- |\n  x\n- >\n  y\n", "a: |\n  x", "a: | # c\n  x\n", "a: |2\n    x\n", "a: |\n\n    x\n", "a: |\n     \n  x\n",
                "a: >\n  x\n  # not a comment\n# a comment\nb: 1\n", "|\n x\n", "k:\n  - |\n    t\n  - u\n",
                "P1Y", "[isp-loss, site-loss]", "{hot: PT15M, cold: P3D}", "true", "2", "~", "''", "\"a\"", "  x  # c\n",
                "a\n  b\n", "a\n---\nb\n", "a\nb: c\n", "---\n'q'\n---\n[1]\n---\nk: v\n", "\"a\n  b\"\n", "a: 1\n---\nP1Y\n"
        )) {
            assertSame(text);
        }
    }

    @Test
    void readsAFileThatStartsWithAByteOrderMark() throws IOException {
        for (String text : List.of("\ufeffa: 1\nb: 2\n", "\ufeff- x\n- y: z\n", "\ufeff---\nk: v\n", "\ufeff# c\n  k: [a, b]\n")) {
            assertThat(assertSame(text).given()).as(text).isEqualTo(-1);
        }
        assertSame("a: 1\n\ufeffb: 2\n"); // inside the text it is a character: left to SnakeYAML
        int files = 0;
        for (Path f : inventories()) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            if (text.startsWith("\ufeff")) continue;
            files++;
            assertSame("\ufeff" + text);
        }
        assertThat(files).isGreaterThan(200);
    }

    @Test
    void readsBlockScalarsWhole() {
        for (String text : List.of("a: |\n  one\n  two\n", "a: >\n  one\n  two\n\n  three\n    four\n  five\nb: 1\n",
                "a: |-\n  x\n\n", "a: |+\n  x\n\n\nb: 2\n", "- |\n  x\n- >-\n  y\n  z\n", "a: | # c\n  x\n",
                "a: >\n  x\n  # not a comment\n# a comment\nb: 1\n", "k:\n  - |\n    t\n  - u\n")) {
            assertThat(assertSame(text).given()).as(text).isEqualTo(-1);
        }
    }

    @Test
    void readsEveryDefaultOfTheModelWhole() throws IOException {
        // the binder parses each @Default once: block YAML reads them all, so no check starts SnakeYAML for them
        List<String> defaults = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("src/main/java/dev/continuity/engine/model"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("@Default\\(\"([^\"]*)\"\\)").matcher(Files.readString(f));
                while (m.find()) defaults.add(m.group(1));
            }
        }
        assertThat(defaults).hasSizeGreaterThan(10);
        for (String d : defaults) assertThat(assertSame(d).given()).as(d).isEqualTo(-1);
    }

    @Test
    void countsColumnsInCodePointsAlongALongLine() {
        // a line of many values after characters of two, three and four bytes: each value's column
        StringBuilder line = new StringBuilder("é日𝄞: [");
        for (int i = 0; i < 3000; i++) line.append(i == 0 ? "" : ", ").append(i % 3 == 0 ? "ü" : i % 3 == 1 ? "'日本'" : "𝄞x");
        Read r = assertSame(line.append("]\n").toString());
        assertThat(r.given()).isEqualTo(-1);
        YNode.YSeq seq = (YNode.YSeq) ((YNode.YMap) r.docs().get(0)).get("é日𝄞").value();
        assertThat(seq.items()).hasSize(3000);
        assertThat(seq.items().get(2).location().column()).isEqualTo(16); // é日𝄞: [ü, '日本', 𝄞x: one column each
    }

    @Test
    void agreesOnRandomDocuments() {
        Random random = new Random(22301);
        int whole = 0;
        for (int n = 0; n < 4000; n++) if (assertSame(randomDocuments(random)).given() < 0) whole++;
        // most are within block YAML's subset: the comparison is of its nodes, not only of its stops
        assertThat(whole).isGreaterThan(1000);
    }

    @Test
    void agreesOnMutatedInventories() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path f : inventories()) {
            String t = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            if (t.length() < 4000) texts.add(t);
        }
        Random random = new Random(27001);
        String[] pieces = {" ", "  ", "\n", ":", ": ", "- ", "-", "#", " #", "\"", "'", "\\", "a", "&", "*", "!", "[", "{", "|", ">",
                "\t", "\r\n", "é", "---\n", "...\n", "?", "%", "@", "x: ", "\n  ", "\n- ", "\\\n", "''", "~", "0", "-1", "yes"};
        int whole = 0, resumed = 0;
        for (int n = 0; n < 6000; n++) {
            StringBuilder t = new StringBuilder(texts.get(random.nextInt(texts.size())));
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(t.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> t.insert(at, pieces[random.nextInt(pieces.length)]);
                    case 1 -> t.delete(at, Math.min(t.length(), at + 1 + random.nextInt(3)));
                    default -> t.replace(at, Math.min(t.length(), at + 1), pieces[random.nextInt(pieces.length)]);
                }
            }
            int given = assertSame(t.toString()).given();
            if (given < 0) whole++;
            if (given > 0) resumed++;
        }
        assertThat(whole).isGreaterThan(1000);
        // and SnakeYAML took over after documents block YAML had given, passing over them
        assertThat(resumed).isGreaterThan(100);
    }

    @Test
    void readsOnlyWellFormedUtf8OfCharactersSnakeYamlReadsAsText() {
        // what the reader takes: exactly the bytes a strict decoder takes, without controls (but the
        // line feed), C1 controls, line or paragraph separators, byte order marks, U+FFFE or U+FFFF
        Random random = new Random(9);
        byte[] alphabet = {'a', ' ', '\n', '\t', '\r', 0x7f, (byte) 0x80, (byte) 0x85, (byte) 0xa8, (byte) 0xbf, (byte) 0xc0, (byte) 0xc2,
                (byte) 0xc3, (byte) 0xdf, (byte) 0xe0, (byte) 0xe2, (byte) 0xed, (byte) 0xef, (byte) 0xf0, (byte) 0xf4, (byte) 0xf5,
                (byte) 0x9f, (byte) 0xa0, (byte) 0xbb, (byte) 0xbe, (byte) 0x90};
        int taken = 0;
        for (int n = 0; n < 200_000; n++) {
            byte[] bytes = new byte[1 + random.nextInt(6)];
            for (int i = 0; i < bytes.length; i++) bytes[i] = alphabet[random.nextInt(alphabet.length)];
            int plain = BlockYaml.plain(bytes);
            assertThat(plain != BlockYaml.NOT_PLAIN).as("%s", java.util.HexFormat.ofDelimiter(" ").formatHex(bytes)).isEqualTo(readable(bytes));
            if (plain != BlockYaml.NOT_PLAIN && (plain & BlockYaml.ASCII) == 0) taken++;
        }
        assertThat(taken).isGreaterThan(1000);
        for (String s : List.of("\u0085", "\u2028", "\u2029", "\ufeff", "\uffff", "\u009f")) {
            assertThat(BlockYaml.plain(("a: " + s + "\n").getBytes(StandardCharsets.UTF_8))).as(s).isEqualTo(BlockYaml.NOT_PLAIN);
        }
        assertThat(BlockYaml.plain("a: é日𝄞\u00a0\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(0);
        assertThat(BlockYaml.plain("a: b\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(BlockYaml.ASCII);
        assertThat(BlockYaml.plain("a: b\r\nc: d\r\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(BlockYaml.ASCII | BlockYaml.CRLF);
        assertThat(BlockYaml.plain("a: b\rc: d\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(BlockYaml.NOT_PLAIN);
    }

    private static boolean readable(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
        if (text.replace("\r\n", "\n").indexOf('\r') >= 0) return false; // a carriage return only before a line feed
        return text.replace("\r\n", "\n").chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f) || (c > 0x9f && c != 0x2028
                && c != 0x2029 && c != 0xfeff && c != 0xfffe && c != 0xffff));
    }

    private static final String[] SCALARS = {"a", "x y", "name with spaces", "1", "-1", "+2", "0", "007", "12.5", "1e3", "true", "True",
            "yes", "no", "on", "Off", "y", "N", "~", "null", "Null", "2026-01-01", "2026-01-01T10:00:00Z", "PT4H", "P1D", "a#b", "a #b",
            "a:b", "http://x/y", "O'Brien", "say \"hi\"", "-x", "--", "---", "< <", "<<", "=", "0x1f", "0b101", "1_000", ".5", ".inf",
            "-.Inf", ".NaN", "190:20:30", "a,b", "a[b]", "{a}", "!x", "&x", "*x", "|", ">", "%x", "@x", "`x", "?x", ":x", "a:", "a: b",
            "é", "über", "x\u00a0y", "1234567890123456789", "99999999999999999999"};

    private static String scalar(Random r) {
        String s = SCALARS[r.nextInt(SCALARS.length)];
        return switch (r.nextInt(6)) {
            case 0 -> "'" + s.replace("'", "''") + "'";
            case 1 -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case 2 -> "\"" + s + "\\\n    \\ " + s + "\"";
            case 3 -> "'" + s.replace("'", "''") + "\n     " + s.replace("'", "''") + "'";
            default -> s;
        };
    }

    private static String key(Random r) {
        String[] keys = {"kind", "id", "name", "site", "a b", "x-y", "on", "1", "k:v", "#k", "-k", "k ", "ü"};
        return keys[r.nextInt(keys.length)];
    }

    private static String randomDocuments(Random r) {
        StringBuilder sb = new StringBuilder();
        int docs = 1 + r.nextInt(3);
        for (int d = 0; d < docs; d++) {
            if (d > 0 || r.nextBoolean()) sb.append(r.nextInt(8) == 0 ? "--- # doc\n" : "---\n");
            if (r.nextInt(10) == 0) sb.append("# a comment\n\n");
            node(r, sb, 0, 0, false);
        }
        return sb.toString();
    }

    /** A block node at indentation {@code indent}, starting on a fresh line (or after "- " when inline). */
    private static void node(Random r, StringBuilder sb, int indent, int depth, boolean inline) {
        int kind = depth > 3 ? 2 : r.nextInt(3);
        String pad = " ".repeat(indent);
        if (kind == 0) { // mapping
            int entries = 1 + r.nextInt(4);
            for (int i = 0; i < entries; i++) {
                if (!(inline && i == 0)) sb.append(pad);
                sb.append(key(r)).append(':');
                switch (r.nextInt(8)) {
                    case 0 -> {
                        sb.append('\n');
                        int step = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(3);
                        if (step == 0) {
                            seqAt(r, sb, indent, depth + 1);
                        } else {
                            node(r, sb, indent + step, depth + 1, false);
                        }
                    }
                    case 1 -> sb.append(r.nextBoolean() ? "\n" : " # empty\n");
                    case 2 -> sb.append(' ').append(flow(r, 0)).append(r.nextInt(6) == 0 ? "   # c\n" : "\n");
                    case 3 -> sb.append(' ').append(plainLines(r, indent)).append('\n');
                    case 4 -> sb.append(' ').append(blockScalar(r, indent));
                    default -> sb.append(' ').append(scalar(r)).append(r.nextInt(6) == 0 ? "   # c\n" : "\n");
                }
                if (r.nextInt(12) == 0) sb.append(pad).append("  # between\n");
                if (r.nextInt(15) == 0) sb.append('\n');
            }
        } else if (kind == 1) {
            if (inline) {
                sb.append(scalar(r)).append('\n');
                return;
            }
            seqAt(r, sb, indent, depth);
        } else {
            if (inline) sb.append(scalar(r)).append('\n');
            else sb.append(pad).append(key(r)).append(": ").append(scalar(r)).append('\n');
        }
    }

    private static void seqAt(Random r, StringBuilder sb, int indent, int depth) {
        String pad = " ".repeat(indent);
        int items = 1 + r.nextInt(3);
        for (int i = 0; i < items; i++) {
            sb.append(pad).append('-');
            switch (r.nextInt(7)) {
                case 0 -> {
                    sb.append(' ');
                    node(r, sb, indent + 2, depth + 1, true);
                }
                case 1 -> {
                    sb.append('\n');
                    node(r, sb, indent + 1 + r.nextInt(3), depth + 1, false);
                }
                case 2 -> sb.append('\n');
                case 3 -> sb.append(' ').append(flow(r, 0)).append('\n');
                case 4 -> sb.append(' ').append(plainLines(r, indent)).append('\n');
                case 5 -> sb.append(' ').append(blockScalar(r, indent));
                default -> sb.append(' ').append(scalar(r)).append('\n');
            }
        }
    }

    /** A plain scalar over several lines (as Jackson's writer folds long ones), in a block at {@code indent}. */
    private static String plainLines(Random r, int indent) {
        String[] words = {"text", "more words", "a:b", "#x", "x #y", "- item", "k: v", "'q'", "\"d\"", "[a]", "1", "é", "&a", "!t"};
        StringBuilder sb = new StringBuilder(words[r.nextInt(3)]);
        for (int lines = 1 + r.nextInt(3); lines > 0; lines--) {
            if (r.nextInt(4) == 0) sb.append(r.nextBoolean() ? "\n" : "\n   \n");
            int step = r.nextInt(5) == 0 ? 0 : 1 + r.nextInt(3);
            sb.append('\n').append(" ".repeat(indent + step)).append(words[r.nextInt(words.length)]);
        }
        return sb.toString();
    }

    /** A literal or folded block scalar with its lines, in a block at {@code indent} (ends with a line feed, or not). */
    private static String blockScalar(Random r, int indent) {
        StringBuilder sb = new StringBuilder(r.nextBoolean() ? "|" : ">");
        sb.append(new String[] {"", "", "-", "+", "2", "-1", "+ # c", " # header"}[r.nextInt(8)]).append('\n');
        String[] texts = {"text", "more words here", "  indented", "# not a comment", "a: b", "- x", "é ü", "trailing  ", "", "   "};
        int step = 1 + r.nextInt(3) - (r.nextInt(8) == 0 ? 1 : 0);
        if (r.nextInt(6) == 0) sb.append(" ".repeat(indent + step + r.nextInt(3))).append('\n');
        for (int lines = 1 + r.nextInt(4); lines > 0; lines--) {
            String t = texts[r.nextInt(texts.length)];
            sb.append(t.isEmpty() ? "" : " ".repeat(indent + step)).append(t).append('\n');
        }
        if (r.nextInt(4) == 0) sb.append('\n');
        return sb.toString();
    }

    /** A flow collection on one line. */
    private static String flow(Random r, int depth) {
        StringBuilder sb = new StringBuilder();
        boolean seq = r.nextBoolean();
        sb.append(seq ? '[' : '{').append(r.nextBoolean() ? "" : " ");
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(r.nextInt(3) == 0 ? " , " : ", ");
            if (!seq) sb.append(key(r)).append(r.nextInt(8) == 0 ? ":" : ": ");
            if (depth < 2 && r.nextInt(5) == 0) {
                sb.append(flow(r, depth + 1));
            } else {
                String s = SCALARS[r.nextInt(SCALARS.length)];
                sb.append(switch (r.nextInt(4)) {
                    case 0 -> "'" + s.replace("'", "''") + "'";
                    case 1 -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                    default -> s;
                });
            }
        }
        if (n > 0 && r.nextInt(6) == 0) sb.append(',');
        sb.append(r.nextBoolean() ? "" : " ").append(seq ? ']' : '}');
        return sb.toString();
    }
}
