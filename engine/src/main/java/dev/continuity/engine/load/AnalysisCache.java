package dev.continuity.engine.load;

import dev.continuity.engine.Version;

import java.io.*;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The incremental analysis cache ({@code check --cache FILE}, the plugin's {@code target/continuity.cache}):
 * each inventory file's bound documents, kept under the file's path and the SHA-256 of its bytes,
 * in a file stamped with the tool's version and build and the inventory format version. A file
 * whose bytes, path, or named documents changed is read again; so is every file when the tool
 * changed. A cache that cannot be read, or was written by another build, is ignored with one
 * warning, never trusted; it holds no class names, so it can only ever make the model's records
 * ({@link CacheCodec}). The rules always run: the cache holds documents, never findings.
 */
public final class AnalysisCache {
    /** The inventory format the entries hold (inventory.md's version). */
    static final int FORMAT = 2;
    private static final String MAGIC = "continuity-analysis-cache";

    private final Path file;
    private final Map<String, InventoryLoader.FileResult> entries; // read by the loader's threads, changed only between checks
    private final Map<String, InventoryLoader.FileResult> used = new ConcurrentHashMap<>();
    private final String warning;
    private int hits;

    private AnalysisCache(Path file, Map<String, InventoryLoader.FileResult> entries, String warning) {
        this.file = file;
        this.entries = entries;
        this.warning = warning;
    }

    /** The build this code is: the version and the size and time of the jar (or classes) it was loaded from. */
    static String build() {
        String stamp = Version.get();
        try {
            var source = AnalysisCache.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                Path p = Path.of(source.getLocation().toURI());
                if (Files.isDirectory(p)) p = p.resolve(AnalysisCache.class.getName().replace('.', '/') + ".class");
                stamp += "/" + Files.size(p) + "/" + Files.getLastModifiedTime(p).toMillis();
            }
        } catch (Exception e) {
            stamp += "/unknown";
        }
        return stamp;
    }

    /** A cache that lives in this process only (the watch's): each check keeps what it read for the next. */
    public static AnalysisCache inMemory() {
        return new AnalysisCache(null, new HashMap<>(), null);
    }

    /** Opens a cache file; one that is missing is empty, one that cannot be trusted is empty with a warning. */
    public static AnalysisCache open(Path file) {
        if (!Files.exists(file)) return new AnalysisCache(file, new HashMap<>(), null);
        try {
            byte[] bytes = Files.readAllBytes(file);
            // the last 8 bytes are the CRC-32C of the rest: a cache damaged anywhere is never read
            if (bytes.length < 8) return ignored(file, "it is corrupt or cut short");
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(bytes, 0, bytes.length - 8);
            if (crc.getValue() != java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong()) {
                return ignored(file, "it is corrupt or cut short");
            }
            CacheCodec.In in = new CacheCodec.In(bytes, bytes.length - 8);
            CacheCodec.Reader reader = new CacheCodec.Reader(in);
            if (!MAGIC.equals(reader.string())) return ignored(file, "not a continuity cache");
            int format = in.readInt();
            String build = reader.string();
            if (format != FORMAT || !build().equals(build)) return ignored(file, "written by another build of continuity (" + build + ")");
            int n = in.readInt();
            if (n < 0) return ignored(file, "it is corrupt");
            Map<String, InventoryLoader.FileResult> entries = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                String key = reader.string();
                entries.put(key, reader.result());
            }
            if (!in.atEnd()) return ignored(file, "it is corrupt");
            return new AnalysisCache(file, entries, null);
        } catch (IOException | RuntimeException e) {
            return ignored(file, "it is corrupt or cut short");
        }
    }

    private static AnalysisCache ignored(Path file, String why) {
        return new AnalysisCache(file, new HashMap<>(), "cache: " + dev.continuity.engine.text.Text.escape(file.toString())
                + " ignored: " + why + "; every file is read again and the cache rewritten");
    }

    /** The warning, when the file was ignored; else null. */
    public String warning() {
        return warning;
    }

    /** How many files this run took from the cache. */
    public int hits() {
        return hits;
    }

    static String key(String display, String sha256) {
        return display + "\n" + sha256;
    }

    /** The cached result of a file with these bytes at this path, if its named documents still exist. */
    InventoryLoader.FileResult get(String display, String sha256) {
        String key = key(display, sha256);
        InventoryLoader.FileResult r = entries.get(key);
        if (r == null) return null;
        for (String f : r.existingFiles()) if (!Files.exists(Path.of(f))) return null;
        used.put(key, r);
        synchronized (this) {
            hits++;
        }
        return r;
    }

    void put(String display, String sha256, InventoryLoader.FileResult r) {
        used.put(key(display, sha256), r);
    }

    /** Writes the entries of this run (others are dropped), atomically, unless they are the ones read; a failure to write is only a warning. */
    public String save() {
        if (file == null) { // in memory: this check's entries are the next one's
            synchronized (this) {
                entries.clear();
                entries.putAll(used);
                used.clear();
            }
            return null;
        }
        if (warning == null && used.keySet().equals(entries.keySet())) return null; // nothing changed
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                CacheCodec.Out out = new CacheCodec.Out();
                CacheCodec.Writer writer = new CacheCodec.Writer(out);
                writer.string(MAGIC);
                out.writeInt(FORMAT);
                writer.string(build());
                List<String> keys = new ArrayList<>(used.keySet());
                Collections.sort(keys);
                out.writeInt(keys.size());
                for (String k : keys) {
                    writer.string(k);
                    writer.result(used.get(k));
                }
                byte[] body = out.bytes();
                java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
                crc.update(body);
                try (OutputStream o = Files.newOutputStream(tmp)) {
                    o.write(body);
                    o.write(java.nio.ByteBuffer.allocate(8).putLong(crc.getValue()).array());
                }
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "cache: cannot write " + dev.continuity.engine.text.Text.escape(file.toString()) + " ("
                    + dev.continuity.engine.text.Text.escape(String.valueOf(e.getMessage())) + "); the next run reads every file again";
        }
    }
}
