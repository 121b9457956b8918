package dev.continuity.engine.load;

import dev.continuity.engine.Version;

import java.io.*;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The incremental analysis cache ({@code check --cache FILE}, the plugin's {@code target/continuity.cache}):
 * each inventory file's bound documents, kept under the file's path and the SHA-256 of its bytes,
 * in a file stamped with the tool's version and build and the inventory format version. A file
 * whose bytes, path, or named documents changed is read again; so is every file when the tool
 * changed. A cache that cannot be read, or was written by another build, is ignored with one
 * warning, never trusted; it holds no class names, so it can only ever make the model's records
 * ({@link CacheCodec}).
 *
 * <p>Each entry is encoded on its own (its own string table), so that opening the cache only
 * checks its CRC and finds where the entries are: an entry is decoded when a check asks for it (on
 * the loader's threads, in parallel), and saving copies the bytes of the entries it reused instead
 * of encoding them again.
 *
 * <p>It also keeps the findings of each component of the inventory (graph/Components: resources
 * no reference joins), under a key that the evaluator makes from the component's resources, the
 * files they were read from and everything else a finding depends on; a check evaluates again only
 * the components whose key it does not find, and the rules that concern the whole inventory.
 *
 * <p>And it records what each file was when it was hashed ({@link Seen}): a file unchanged since
 * then is not read at all.
 */
public final class AnalysisCache {
    /** The inventory format the entries hold (inventory.md's version). */
    static final int FORMAT = 2;
    private static final String MAGIC = "continuity-analysis-cache/5";

    /** One kept value: decoded on first use from its bytes in the cache file, or made in this run. */
    private static final class Slot<T> {
        final byte[] file;
        final int offset;
        final int length;
        private volatile T value;

        Slot(byte[] file, int offset, int length) {
            this.file = file;
            this.offset = offset;
            this.length = length;
        }

        Slot(T value) {
            this(null, 0, 0);
            this.value = value;
        }
    }

    private interface Decode<T> {
        T read(CacheCodec.Reader r) throws IOException;
    }

    private interface Encode<T> {
        void write(CacheCodec.Writer w, T value) throws IOException;
    }

    /**
     * What one check may take (read from the file, or kept by the previous check of the process)
     * and what it took or made: only the latter is kept for the next check.
     */
    private static final class Kept<V> {
        private final Map<String, V> before; // read by the loader's threads, changed only between checks
        private final Map<String, V> now = new ConcurrentHashMap<>();

        Kept(Map<String, V> before) {
            this.before = before;
        }

        V before(String key) {
            return before.get(key);
        }

        void keep(String key, V value) {
            now.put(key, value);
        }

        boolean changed() {
            return !now.equals(before);
        }

        /** In memory: this check's values are the next one's. */
        void roll() {
            before.clear();
            before.putAll(now);
            now.clear();
        }
    }

    private final Path file;
    private final Kept<Slot<InventoryLoader.FileResult>> files; // by path as shown and SHA-256
    private final Kept<Seen> seen; // by path as shown
    private final Kept<Slot<Part>> parts; // by component key
    private final Kept<Slot<Wide>> wides; // by path as shown and SHA-256, as files
    private final Kept<Slot<Head>> heads; // one, under SHAPE
    private final Kept<Slot<Body>> bodies; // one, under SHAPE
    private final String warning;
    private int hits;
    private int componentHits;
    private int componentLookups;
    private final java.util.concurrent.atomic.AtomicInteger notRead = new java.util.concurrent.atomic.AtomicInteger();

    private AnalysisCache(Path file, Map<String, Slot<InventoryLoader.FileResult>> files, Map<String, Seen> seen,
                          Map<String, Slot<Part>> parts, Map<String, Slot<Wide>> wides, Map<String, Slot<Head>> heads,
                          Map<String, Slot<Body>> bodies, String warning) {
        this.file = file;
        this.files = new Kept<>(files);
        this.seen = new Kept<>(seen);
        this.parts = new Kept<>(parts);
        this.wides = new Kept<>(wides);
        this.heads = new Kept<>(heads);
        this.bodies = new Kept<>(bodies);
        this.warning = warning;
    }

    /** A cache with nothing in it yet. */
    private static AnalysisCache empty(Path file, String warning) {
        return new AnalysisCache(file, new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(),
                new HashMap<>(), warning);
    }

    /** The key of the one shape a cache keeps. */
    private static final String SHAPE = "inventory";

    /**
     * A file's resources of the kinds the rules of the whole inventory read (Policy, Exercise,
     * Waiver), with their positions in the file and where their fields were written: what a check
     * whose other files kept their shape reads of an unchanged file, instead of all its records.
     */
    record Wide(int[] positions, List<dev.continuity.engine.model.Resource> resources,
                List<dev.continuity.engine.model.FieldLocations> locations) {
        static boolean kind(Class<?> k) {
            return k == dev.continuity.engine.model.Policy.class || k == dev.continuity.engine.model.Exercise.class
                    || k == dev.continuity.engine.model.Waiver.class;
        }

        static Wide of(InventoryLoader.FileResult r) {
            List<Integer> at = new ArrayList<>();
            List<dev.continuity.engine.model.Resource> rs = new ArrayList<>();
            List<dev.continuity.engine.model.FieldLocations> ls = new ArrayList<>();
            for (int i = 0; i < r.resources().size(); i++) {
                if (!kind(r.resources().get(i).getClass())) continue;
                at.add(i);
                rs.add(r.resources().get(i));
                ls.add(r.locations().get(i));
            }
            return new Wide(at.stream().mapToInt(Integer::intValue).toArray(), rs, ls);
        }
    }

    /**
     * The inventory of the last valid check, in two parts: its files, with what each was when read
     * ({@code digests}), the files its documents name ({@code existing}) and each resource's
     * {@link dev.continuity.engine.model.Inventory#keyToken} ({@code tokens}); and its body, which holds
     * as long as every changed file keeps its outline (kinds, ids and references): where each file's
     * resources start, each resource's kind ({@link Kinds#ALL}) and id, and the components.
     */
    record Head(List<String> files, List<String> digests, List<List<String>> existing, List<String> tokens) {
    }

    record Body(int[] starts, byte[] kinds, String[] ids, int[][] components) {
    }

    /** The shape kept from the last valid check, or null. */
    Head head() {
        Slot<Head> slot = heads.before(SHAPE);
        return slot == null ? null : value(slot, CacheCodec.Reader::head);
    }

    Body body() {
        Slot<Body> slot = bodies.before(SHAPE);
        return slot == null ? null : value(slot, CacheCodec.Reader::body);
    }

    /** Keeps this run's head with the body read: every changed file kept its outline, so the body holds. */
    synchronized void keepShape(Head head) {
        shapesKept++;
        heads.keep(SHAPE, new Slot<>(head));
        bodies.keep(SHAPE, bodies.before(SHAPE));
        pending = null;
    }

    private Body pending; // the body of a shape the loader read whole, its components still to come from the evaluator

    /** The shape of an inventory the loader read whole: its body (components null) is completed by the evaluator's components. */
    synchronized void keepShape(Head head, Body withoutComponents) {
        heads.keep(SHAPE, new Slot<>(head));
        pending = withoutComponents;
    }

    /** The components the evaluator worked out or took from the shape (positions), for the shape this run keeps. */
    public synchronized void components(int[][] components) {
        if (pending != null) bodies.keep(SHAPE, new Slot<>(new Body(pending.starts(), pending.kinds(), pending.ids(), components)));
        pending = null;
    }

    /** An unchanged file's entry and wide records kept for the next run without reading them; false when the cache lacks either. */
    synchronized boolean keepUnread(String display, String sha256) {
        String key = key(display, sha256);
        Slot<InventoryLoader.FileResult> entry = files.before(key);
        Slot<Wide> wide = wides.before(key);
        if (entry == null || wide == null) return false;
        files.keep(key, entry);
        wides.keep(key, wide);
        hits++;
        return true;
    }

    /** Whether the cache holds a file's entry and wide records. */
    boolean holds(String display, String sha256) {
        String key = key(display, sha256);
        return files.before(key) != null && wides.before(key) != null;
    }

    /**
     * A file's entry, read now (no check of named files: the caller did it), or null.
     *
     * @param unread an entry of a file left unread (its records asked for after all): a first read is counted
     */
    InventoryLoader.FileResult entry(String display, String sha256, boolean unread) {
        Slot<InventoryLoader.FileResult> slot = files.before(key(display, sha256));
        if (slot == null) return null;
        boolean first = slot.value == null;
        InventoryLoader.FileResult r = value(slot, CacheCodec.Reader::result);
        if (first && unread && r != null) entriesRead.incrementAndGet();
        return r;
    }

    private int shapesKept;
    private final java.util.concurrent.atomic.AtomicInteger entriesRead = new java.util.concurrent.atomic.AtomicInteger();

    /** A file's wide records, read now, or null. */
    Wide wide(String display, String sha256) {
        Slot<Wide> slot = wides.before(key(display, sha256));
        return slot == null ? null : value(slot, CacheCodec.Reader::wide);
    }

    /** The SHA-256 recorded for a file unchanged since it was hashed, else null, counting nothing. */
    String recorded(String display, Seen now) {
        return mustRead(display, now) ? null : seen.before(display).sha256();
    }

    /**
     * What the rules found in one component, as the evaluator keeps it.
     *
     * @param findings   the findings of the rules that stay inside a component, before rule settings, waivers and baseline
     * @param recoveries rec(S) of the component's services
     */
    public record Part(List<PartFinding> findings, List<PartRecovery> recoveries) {
        public Part {
            findings = List.copyOf(findings);
            recoveries = List.copyOf(recoveries);
        }
    }

    /** A finding as a rule reported it: rule id, subject id and kind, detail, message, location (null: none). */
    public record PartFinding(String rule, String subject, String kind, String detail, String message, dev.continuity.engine.model.Location location) {
    }

    /** rec(S) of a service: its time (null: none) and its limiting component, with the service's criticality and mtd. */
    public record PartRecovery(String service, dev.continuity.engine.model.Dur time, String limiting,
                               dev.continuity.engine.model.Criticality criticality, dev.continuity.engine.model.Dur mtd) {
    }

    /**
     * What a file was when its bytes were hashed: size, modification and change times (ns), inode,
     * and when it was hashed (ms). A file that still has the same four, and whose last change was
     * more than {@link #RACY_MILLIS} before it was hashed, has the same bytes (git's index and
     * Bazel rely on the same: the change time cannot be set back by tools that preserve the
     * modification time); its SHA-256 is then not computed again.
     */
    record Seen(String sha256, long size, long modified, long changed, long inode, long hashedAt) {
        boolean stillIs(Seen now) {
            return now != null && size == now.size && modified == now.modified && changed == now.changed && inode == now.inode
                    && changed / 1_000_000 < hashedAt - RACY_MILLIS && modified / 1_000_000 < hashedAt - RACY_MILLIS;
        }
    }

    /** A change closer than this to the hashing could be one the times do not tell apart (coarse clocks, racy writes). */
    public static final long RACY_MILLIS = 2_000;

    /** A file's size, times and inode now (sha256 and hashedAt empty); null where the file system does not tell them. */
    static Seen stat(Path file) {
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino");
            return new Seen(null, (Long) a.get("size"), ((java.nio.file.attribute.FileTime) a.get("lastModifiedTime")).to(java.util.concurrent.TimeUnit.NANOSECONDS),
                    ((java.nio.file.attribute.FileTime) a.get("ctime")).to(java.util.concurrent.TimeUnit.NANOSECONDS), (Long) a.get("ino"), 0);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The SHA-256 recorded for a file that has not changed since it was hashed, else null (then it is read and hashed). */
    String unchanged(String display, Seen now) {
        if (mustRead(display, now)) return null;
        Seen before = seen.before(display);
        seen.keep(display, before);
        notRead.incrementAndGet();
        return before.sha256();
    }

    /** Whether a file must be read and hashed (then {@link #unchanged} says null), without counting it. */
    boolean mustRead(String display, Seen now) {
        Seen before = seen.before(display);
        return before == null || !before.stillIs(now);
    }

    /** Records what a file was ({@code stat} taken before its bytes were read) when it was hashed. */
    void hashed(String display, Seen stat, String sha256, long hashedAt) {
        if (stat == null) return;
        seen.keep(display, new Seen(sha256, stat.size(), stat.modified(), stat.changed(), stat.inode(), hashedAt));
    }

    /** The build this code is: the version and the jar (or class file) it was loaded from, with its size and time. */
    static String build() {
        return Build.STAMP;
    }

    /** Looked up once, when a cache file is first opened or saved (the jar does not change under a running check). */
    private static final class Build {
        static final String STAMP = Version.get() + "/" + Version.buildOf(AnalysisCache.class);
    }

    /** A cache that lives in this process only (the watch's): each check keeps what it read for the next. */
    public static AnalysisCache inMemory() {
        return empty(null, null);
    }

    /** Bytes read at a time into the cache's array (see readFully). */
    private static final int READ_CHUNK = 1 << 20;

    /**
     * The whole file, read a megabyte at a time into one array. {@code Files.readAllBytes} reads a
     * file through a temporary native buffer of the file's size: for a cache of 30 MB, 30 MB more
     * memory the kernel hands over page by page, and a second copy; with a buffer of one chunk,
     * reused, the read took 30-31 ms instead of 46-62 ms (100k, alone). A file that changes while
     * it is read fails the CRC below.
     */
    static byte[] readFully(Path file) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE - 16) throw new IOException("too large");
            byte[] bytes = new byte[(int) size];
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
            while (buf.position() < bytes.length) {
                buf.limit(Math.min(bytes.length, buf.position() + READ_CHUNK));
                if (ch.read(buf) < 0) return Arrays.copyOf(bytes, buf.position());
            }
            return bytes;
        }
    }

    /** A cache file's bytes read ahead ({@link #readAhead}), by its absolute path, for the next {@link #open} of it. */
    private static final ConcurrentHashMap<Path, java.util.concurrent.CompletableFuture<byte[]>> AHEAD = new ConcurrentHashMap<>();

    /**
     * Reads a cache file's bytes now, on the calling thread, for the next {@link #open} of the same
     * file, which then takes them (waiting if they are still being read) instead of reading it: the
     * command line calls this on its warm-up thread while the main thread parses the arguments (a
     * cached re-run of 100k spent 37 ms of its main thread reading the cache). A file missing or
     * unreadable now is read again by open, as without this.
     */
    public static void readAhead(Path file) {
        java.util.concurrent.CompletableFuture<byte[]> bytes = new java.util.concurrent.CompletableFuture<>();
        if (AHEAD.putIfAbsent(file.toAbsolutePath().normalize(), bytes) != null) return; // being read already
        try {
            bytes.complete(Files.isRegularFile(file) ? readFully(file) : null);
        } catch (IOException | RuntimeException e) {
            bytes.complete(null);
        }
    }

    /** Opens a cache file; one that is missing is empty, one that cannot be trusted is empty with a warning. */
    public static AnalysisCache open(Path file) {
        java.util.concurrent.CompletableFuture<byte[]> ahead = AHEAD.remove(file.toAbsolutePath().normalize());
        byte[] read = ahead == null ? null : ahead.join();
        if (read == null && !Files.exists(file)) return empty(file, null);
        try {
            byte[] bytes = read != null ? read : readFully(file);
            // the last 8 bytes are the CRC-32C of the rest: a cache damaged anywhere is never read
            if (bytes.length < 8) return ignored(file, "it is corrupt or cut short");
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(bytes, 0, bytes.length - 8);
            if (crc.getValue() != java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong()) {
                return ignored(file, "it is corrupt or cut short");
            }
            CacheCodec.In in = new CacheCodec.In(bytes, bytes.length - 8);
            CacheCodec.Reader reader = new CacheCodec.Reader(in);
            if (!MAGIC.equals(reader.string())) return ignored(file, "not a continuity cache of this version");
            int format = in.readInt();
            String build = reader.string();
            if (format != FORMAT || !build().equals(build)) return ignored(file, "written by another build of continuity (" + build + ")");
            // what a check has once its inventory is loaded (written then, while the rules are still to run), then the rest
            Map<String, Slot<InventoryLoader.FileResult>> files = slots(in, reader, bytes);
            Map<String, Slot<Wide>> wides = slots(in, reader, bytes);
            int n = reader.count();
            Map<String, Seen> seen = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                String display = reader.string();
                seen.put(display, new Seen(reader.string(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong()));
            }
            Map<String, Slot<Part>> parts = slots(in, reader, bytes);
            Map<String, Slot<Head>> heads = slots(in, reader, bytes);
            Map<String, Slot<Body>> bodies = slots(in, reader, bytes);
            if (!in.atEnd()) return ignored(file, "it is corrupt");
            return new AnalysisCache(file, files, seen, parts, wides, heads, bodies, null);
        } catch (IOException | RuntimeException e) {
            return ignored(file, "it is corrupt or cut short");
        }
    }

    /** A count, then that many keys, each with the length and bytes of its entry (not decoded here). */
    private static <T> Map<String, Slot<T>> slots(CacheCodec.In in, CacheCodec.Reader reader, byte[] bytes) throws IOException {
        int n = reader.count();
        Map<String, Slot<T>> out = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            String key = reader.string();
            int length = in.readInt();
            if (length < 0) throw new IOException("bad length");
            int at = in.position();
            in.skip(length);
            out.put(key, new Slot<>(bytes, at, length));
        }
        return out;
    }

    private static AnalysisCache ignored(Path file, String why) {
        return empty(file, "cache: " + dev.continuity.engine.text.Text.escape(file.toString())
                + " ignored: " + why + "; every file is read again and the cache rewritten");
    }

    /** The value of a slot, decoded on first use; null when its bytes do not decode (then the caller works without it). */
    private static <T> T value(Slot<T> slot, Decode<T> decode) {
        T v = slot.value;
        if (v != null) return v;
        try {
            CacheCodec.In in = new CacheCodec.In(slot.file, slot.offset, slot.length);
            v = decode.read(new CacheCodec.Reader(in));
            if (!in.atEnd()) return null;
        } catch (IOException | RuntimeException e) {
            return null; // the CRC held, so only a codec that changed without the build changing gets here
        }
        slot.value = v;
        return v;
    }

    /** The warning, when the file was ignored; else null. */
    public String warning() {
        return warning;
    }

    /** How many files this run took from the cache. */
    public int hits() {
        return hits;
    }

    /** How many files this run did not read, as they had not changed since they were hashed. */
    public int notRead() {
        return notRead.get();
    }

    /** How many components this run took their findings for from the cache. */
    public synchronized int componentHits() {
        return componentHits;
    }

    /**
     * What a cache has served so far: files whose documents it gave, how many of them were not
     * even read (unchanged since they were hashed), components looked up and found.
     */
    public record Served(int files, int notRead, int componentsFound, int componentsLookedUp, int shapesKept, int entriesRead) {
        /** What was served after {@code before} (a cache kept in memory counts across checks). */
        public Served since(Served before) {
            return new Served(files - before.files, notRead - before.notRead, componentsFound - before.componentsFound,
                    componentsLookedUp - before.componentsLookedUp, shapesKept - before.shapesKept, entriesRead - before.entriesRead);
        }

        /** In words, for a check of {@code of} files (none looked up: custom rules evaluate every component). */
        public String describe(int of) {
            String use = String.format(java.util.Locale.ROOT, "cache: documents of %d of %d files from the cache (%d not read: unchanged since hashed)",
                    files, of, notRead);
            use += componentsLookedUp == 0 ? "; no component's findings looked up"
                    : String.format(java.util.Locale.ROOT, "; findings of %d of %d components from the cache", componentsFound, componentsLookedUp);
            return use + (shapesKept == 0 ? "; the inventory's shape worked out anew"
                    : String.format(java.util.Locale.ROOT, "; the inventory's shape from the cache (records of %d unchanged files read)", entriesRead));
        }
    }

    /** What this cache has served so far. */
    public synchronized Served served() {
        return new Served(hits, notRead(), componentHits, componentLookups, shapesKept, entriesRead.get());
    }

    static String key(String display, String sha256) {
        return display + "\n" + sha256;
    }

    /** The cached result of a file with these bytes at this path, if its named documents still exist. */
    InventoryLoader.FileResult get(String display, String sha256) {
        String key = key(display, sha256);
        Slot<InventoryLoader.FileResult> slot = files.before(key);
        if (slot == null) return null;
        InventoryLoader.FileResult r = value(slot, CacheCodec.Reader::result);
        if (r == null) return null;
        for (String f : r.existingFiles()) if (!Files.exists(Path.of(f))) return null;
        files.keep(key, slot);
        Slot<Wide> wide = wides.before(key);
        wides.keep(key, wide != null ? wide : new Slot<>(Wide.of(r)));
        synchronized (this) {
            hits++;
        }
        return r;
    }

    void put(String display, String sha256, InventoryLoader.FileResult r) {
        files.keep(key(display, sha256), new Slot<>(r));
        wides.keep(key(display, sha256), new Slot<>(Wide.of(r)));
    }

    /** The findings kept for a component with this key, or null. */
    public synchronized Part part(String key) {
        componentLookups++;
        Slot<Part> slot = parts.before(key);
        Part p = slot == null ? null : value(slot, CacheCodec.Reader::part);
        if (p != null) {
            parts.keep(key, slot);
            componentHits++;
        }
        return p;
    }

    /** Keeps the findings of a component for the next run. */
    public synchronized void putPart(String key, Part part) {
        parts.keep(key, new Slot<>(part));
    }

    /** Writes the entries of this run (others are dropped), atomically, unless they are the ones read; a failure to write is only a warning. */
    public String save() {
        synchronized (this) {
            if (heads.now.isEmpty() != bodies.now.isEmpty()) { // no components came (custom rules, an error): no shape
                heads.now.clear();
                bodies.now.clear();
            }
        }
        if (file == null) { // in memory: this check's entries are the next one's
            synchronized (this) {
                files.roll();
                parts.roll();
                seen.roll();
                wides.roll();
                heads.roll();
                bodies.roll();
            }
            return null;
        }
        if (warning == null && !files.changed() && !parts.changed() && !seen.changed() && !wides.changed() && !heads.changed()
                && !bodies.changed()) {
            discard();
            return null; // nothing changed
        }
        try {
            Written w = written();
            if (w == null || w.files != files.now.size() || w.wides != wides.now.size() || w.seen != seen.now.size()) {
                if (w != null) w.close();
                w = firstPart();
            }
            try {
                write(w.sink, w.head, w.writer, parts.now, CacheCodec.Writer::part);
                write(w.sink, w.head, w.writer, heads.now, CacheCodec.Writer::head);
                write(w.sink, w.head, w.writer, bodies.now, CacheCodec.Writer::body);
                w.o.write(java.nio.ByteBuffer.allocate(8).putLong(w.sink.crc().getValue()).array());
                w.o.close();
                Files.move(w.tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                w.close();
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "cache: cannot write " + dev.continuity.engine.text.Text.escape(file.toString()) + " ("
                    + dev.continuity.engine.text.Text.escape(String.valueOf(e.getMessage())) + "); the next run reads every file again";
        }
    }

    /** A cache file being written: its first part (up to what a loaded inventory fixes) in a temporary file, still open. */
    private record Written(Path tmp, OutputStream o, Sink sink, CacheCodec.Out head, CacheCodec.Writer writer, int files, int wides, int seen) {
        /** Closes and deletes the temporary file (after the move, there is none). */
        void close() throws IOException {
            try {
                o.close();
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    // the first part, being written on a thread of its own once the inventory was loaded; null: none
    private java.util.concurrent.CompletableFuture<Written> written;

    /** The first part written, waited for (null: none, or it failed: then save writes it all). */
    private Written written() {
        java.util.concurrent.CompletableFuture<Written> w = written;
        written = null;
        return w == null ? null : w.join();
    }

    /**
     * Once the inventory is loaded, before the rules run (while the command line's warm-up thread
     * may still be building the rule base, which the check then waits for): the findings kept for
     * components and the unchanged files' records of the kinds the rules of the whole inventory read
     * are decoded now, and the part of the cache file that the load fixed (its files' entries, which
     * {@link #save} would otherwise copy after the rules) is written to a temporary file, on a thread
     * of its own while the rules run ({@link #save} and {@link #discard} wait for it). A failure
     * there is only tried again by {@link #save}.
     */
    public void loaded() {
        decodeParts();
        if (file == null || written != null) return;
        // on a thread of its own: mostly the kernel copying the files' entries (20 MB at 100k resources) while the rules run
        written = dev.continuity.engine.Background.start("continuity-cache-writer", () -> {
            try {
                return firstPart();
            } catch (IOException | RuntimeException e) {
                return null;
            }
        });
    }

    /** Decodes the findings kept for components now (each once: a slot keeps what it decoded). */
    private synchronized void decodeParts() {
        for (Slot<Part> slot : parts.before.values()) value(slot, CacheCodec.Reader::part);
    }

    /**
     * Decodes now the findings kept for components and the wide records of the files: what a check
     * that keeps the shape reads of them (the loader calls this while it waits for the changed
     * files to be parsed).
     */
    synchronized void prefetch() {
        decodeParts();
        for (Slot<Wide> slot : wides.before.values()) value(slot, CacheCodec.Reader::wide);
    }

    /** Drops a first part written for a save that will not come (the check failed); {@link #save} calls it when nothing changed. */
    public void discard() {
        Written w = written();
        if (w == null) return;
        try {
            w.close();
        } catch (IOException e) {
            // a temporary file left behind in the cache's folder: nothing to report on
        }
    }

    /** A temporary file beside the cache with its header, the files' entries, their wide records and what each file was when hashed. */
    private Written firstPart() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        OutputStream o = null;
        try {
            o = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
            // written as it is made, the CRC-32C taken on the way: the bytes of entries reused are copied, not encoded again
            Sink sink = new Sink(o, new java.util.zip.CRC32C());
            CacheCodec.Out head = new CacheCodec.Out();
            CacheCodec.Writer writer = new CacheCodec.Writer(head);
            writer.string(MAGIC);
            head.writeInt(FORMAT);
            writer.string(build());
            sink.flush(head);
            int fileCount = files.now.size(), wideCount = wides.now.size(), seenCount = seen.now.size();
            write(sink, head, writer, files.now, CacheCodec.Writer::result);
            write(sink, head, writer, wides.now, CacheCodec.Writer::wide);
            List<String> shown = new ArrayList<>(seen.now.keySet());
            Collections.sort(shown);
            head.writeInt(shown.size());
            for (String display : shown) {
                Seen x = seen.now.get(display);
                writer.string(display);
                writer.string(x.sha256());
                head.writeLong(x.size());
                head.writeLong(x.modified());
                head.writeLong(x.changed());
                head.writeLong(x.inode());
                head.writeLong(x.hashedAt());
            }
            sink.flush(head);
            return new Written(tmp, o, sink, head, writer, fileCount, wideCount, seenCount);
        } catch (IOException | RuntimeException e) {
            if (o != null) o.close();
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Bytes to the file, with their CRC-32C. */
    private record Sink(OutputStream o, java.util.zip.CRC32C crc) {
        void write(byte[] b, int offset, int length) throws IOException {
            crc.update(b, offset, length);
            o.write(b, offset, length);
        }

        /** Writes what {@code out} holds and empties it. */
        void flush(CacheCodec.Out out) throws IOException {
            byte[] b = out.bytes();
            write(b, 0, b.length);
            out.clear();
        }
    }

    /**
     * Sorted keys (in {@code head}, whose string table they share), each with its entry: the bytes it
     * was read from, else its value encoded with a string table of its own.
     */
    private static <T> void write(Sink sink, CacheCodec.Out head, CacheCodec.Writer writer, Map<String, Slot<T>> slots, Encode<T> encode)
            throws IOException {
        List<String> keys = new ArrayList<>(slots.keySet());
        Collections.sort(keys);
        head.writeInt(keys.size());
        for (String k : keys) {
            writer.string(k);
            Slot<T> slot = slots.get(k);
            if (slot.file != null) {
                head.writeInt(slot.length);
                sink.flush(head);
                sink.write(slot.file, slot.offset, slot.length);
            } else {
                CacheCodec.Out own = new CacheCodec.Out();
                encode.write(new CacheCodec.Writer(own), slot.value);
                byte[] b = own.bytes();
                head.writeInt(b.length);
                sink.flush(head);
                sink.write(b, 0, b.length);
            }
        }
        sink.flush(head);
    }
}
