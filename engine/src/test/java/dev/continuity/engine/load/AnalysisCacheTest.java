package dev.continuity.engine.load;

import dev.continuity.engine.model.Inventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The analysis cache (issue 15): same inventory with and without it; a change, a corrupt cache, a gone document. */
class AnalysisCacheTest {
    @TempDir
    Path tmp;

    private Path inv;
    private Path cacheFile;

    /** The cache file is read a chunk at a time: every byte of a file of several chunks, or of none. */
    @Test
    void readsACacheFileOfSeveralChunksWhole() throws IOException {
        java.util.Random random = new java.util.Random(15);
        for (int size : new int[] {0, 1, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 5 * (1 << 19) + 7}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            Path f = tmp.resolve("bytes-" + size);
            Files.write(f, bytes);
            assertThat(AnalysisCache.readFully(f)).as("%d bytes", size).isEqualTo(bytes);
        }
    }

    private void write(String name, String yaml) throws IOException {
        Files.writeString(Files.createDirectories(inv).resolve(name), yaml);
    }

    private void inventory() throws IOException {
        inv = tmp.resolve("inv");
        cacheFile = tmp.resolve("c/continuity.cache");
        write("a.yaml", """
                kind: Site
                id: dc-1
                type: datacenter
                region: Frankfurt
                labels: {tier: "1"}
                ---
                kind: Service
                id: billing
                criticality: critical
                rto: PT4H
                sites: [dc-1]
                failover: {site: dc-1, mode: warm}
                dependsOn: [db]
                """);
        write("b.yaml", """
                kind: DataStore
                id: db
                site: dc-1
                replicas: [{site: dc-1, mode: async, maxLag: PT5M}]
                backups: [{frequency: P1D, retention: P30D, site: dc-1, medium: tape, encrypted: true}]
                restoreTests: [{date: 2026-01-02, passed: true, duration: PT1H}]
                ---
                kind: Policy
                id: policy
                failoverTimes: {warm: PT2H}
                requiredScenarios: [ransomware]
                ruleSettings: [{rule: DAT-007, severity: low, reason: tapes are in a safe}]
                ---
                kind: Plan
                id: bcp
                type: business-continuity
                version: 1.2.0-rc.1
                document: plan.md
                covers: [billing]
                phases: [detection, recovery]
                changelog: [{version: 1.2.0-rc.1, date: 2026-03-01, summary: first}]
                """);
        Files.writeString(inv.resolve("plan.md"), "# plan\n");
    }

    /** Loads, then saves the cache as a check does (Check saves it after evaluating, or after input errors). */
    private Inventory load(AnalysisCache cache) throws InputException {
        try {
            return new InventoryLoader(tmp).withCache(cache).load(List.of(inv));
        } finally {
            if (cache != null) cache.save();
        }
    }

    /** Every resource with every field, where each was written, and the digest. */
    private static String describe(Inventory i) {
        StringBuilder s = new StringBuilder(i.sha256()).append('\n').append(i.files()).append('\n');
        for (var r : i.resources()) {
            s.append(r).append('\n');
            for (String field : List.of("", "rto", "failover.mode", "backups[0]", "restoreTests[0]", "sites", "failoverTimes", "version")) {
                s.append(field).append('=').append(i.at(r, field)).append(' ');
            }
            s.append('\n');
        }
        return s.toString();
    }

    @Test
    void theSameInventoryWithAndWithoutTheCache() throws Exception {
        inventory();
        String plain = describe(load(null));
        AnalysisCache first = AnalysisCache.open(cacheFile);
        assertThat(describe(load(first))).isEqualTo(plain);
        assertThat(first.hits()).isZero();
        assertThat(Files.exists(cacheFile)).isTrue();
        AnalysisCache second = AnalysisCache.open(cacheFile);
        assertThat(second.warning()).isNull();
        assertThat(describe(load(second))).isEqualTo(plain);
        assertThat(second.hits()).isEqualTo(2);
    }

    /** The bytes read ahead are what the next open of the file reads, once; the one after reads the file. */
    @Test
    void openTakesTheBytesReadAhead() throws Exception {
        inventory();
        String plain = describe(load(null));
        load(AnalysisCache.open(cacheFile));
        AnalysisCache.readAhead(cacheFile);
        Path moved = Files.move(cacheFile, tmp.resolve("elsewhere.cache"));
        AnalysisCache ahead = AnalysisCache.open(cacheFile);
        assertThat(ahead.warning()).isNull();
        assertThat(describe(load(ahead))).isEqualTo(plain);
        assertThat(ahead.hits()).isEqualTo(2);
        Files.delete(cacheFile); // the one the load above saved
        Files.move(moved, tmp.resolve("c/other"));
        assertThat(AnalysisCache.open(cacheFile).hits()).isZero();
        AnalysisCache again = AnalysisCache.open(cacheFile);
        assertThat(describe(load(again))).isEqualTo(plain);
        assertThat(again.hits()).isZero(); // read from the file, which was gone: nothing served from the bytes read before
    }

    /**
     * Gives a.yaml's service another rto (keeping the file's modification time when asked), loads
     * it with the cache file, and checks that the result is what a load without the cache gives,
     * with the new rto; returns the cache to tell what it served.
     */
    private AnalysisCache changeRtoAndLoad(String rto, boolean keepModificationTime) throws Exception {
        Path a = inv.resolve("a.yaml");
        var modified = Files.getLastModifiedTime(a);
        write("a.yaml", Files.readString(a).replace("rto: PT4H", "rto: " + rto));
        if (keepModificationTime) Files.setLastModifiedTime(a, modified);
        AnalysisCache c = AnalysisCache.open(cacheFile);
        Inventory changed = load(c);
        assertThat(describe(changed)).isEqualTo(describe(load(null))).contains("rto=" + rto);
        return c;
    }

    @Test
    void aChangedFileIsReadAgainTheOthersNot() throws Exception {
        inventory();
        load(AnalysisCache.open(cacheFile));
        assertThat(changeRtoAndLoad("PT2H", false).hits()).isEqualTo(1);
    }

    /**
     * A file unchanged since it was hashed (same size, times and inode, last changed more than 2 s
     * before) is not read again; any write changes its change time, even one that keeps its size
     * and puts its modification time back, and it is read again.
     */
    @Test
    void aFileNotChangedSinceItWasHashedIsNotReadAgain() throws Exception {
        inventory();
        Thread.sleep(AnalysisCache.RACY_MILLIS + 200); // older than the racy window when hashed
        String plain = describe(load(null));
        load(AnalysisCache.open(cacheFile)); // hashes both files, records what they are
        AnalysisCache again = AnalysisCache.open(cacheFile);
        assertThat(describe(load(again))).isEqualTo(plain);
        assertThat(again.notRead()).isEqualTo(AnalysisCache.stat(inv.resolve("a.yaml")) == null ? 0 : 2);
        // the same size and modification time, other bytes: read again all the same
        assertThat(changeRtoAndLoad("PT5H", true).notRead()).isLessThan(2);
    }

    @Test
    void aCorruptForeignOrCutCacheIsIgnoredWithOneWarning() throws Exception {
        inventory();
        String plain = describe(load(null));
        load(AnalysisCache.open(cacheFile));
        byte[] good = Files.readAllBytes(cacheFile);
        for (byte[] bad : List.of("not a cache".getBytes(), java.util.Arrays.copyOf(good, good.length / 2), flip(good, good.length - 40),
                java.util.Arrays.copyOf(good, good.length + 1))) {
            Files.write(cacheFile, bad);
            AnalysisCache c = AnalysisCache.open(cacheFile);
            assertThat(c.warning()).startsWith("cache: " + cacheFile + " ignored: ").endsWith("every file is read again and the cache rewritten");
            Inventory i = load(c);
            assertThat(describe(i)).isEqualTo(plain);
            assertThat(i.warnings()).containsExactly(c.warning());
            assertThat(AnalysisCache.open(cacheFile).warning()).as("rewritten").isNull();
        }
    }

    @Test
    void anotherBuildsCacheIsNotTrusted() throws Exception {
        inventory();
        load(AnalysisCache.open(cacheFile));
        String text = new String(Files.readAllBytes(cacheFile), java.nio.charset.StandardCharsets.ISO_8859_1);
        String build = AnalysisCache.build();
        String other = build.substring(0, build.length() - 1) + (build.endsWith("1") ? "2" : "1");
        byte[] body = text.substring(0, text.length() - 8).replace(build, other).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(body);
        byte[] sum = java.nio.ByteBuffer.allocate(8).putLong(crc.getValue()).array();
        Files.write(cacheFile, body);
        Files.write(cacheFile, sum, java.nio.file.StandardOpenOption.APPEND);
        assertThat(AnalysisCache.open(cacheFile).warning()).contains("written by another build of continuity (" + other + ")");
    }

    @Test
    void aPlanDocumentThatIsGoneIsReportedEvenWhenItsFileIsCached() throws Exception {
        inventory();
        load(AnalysisCache.open(cacheFile));
        Files.delete(inv.resolve("plan.md"));
        assertThatThrownBy(() -> load(AnalysisCache.open(cacheFile))).isInstanceOf(InputException.class)
                .hasMessageContaining("document: 'plan.md' does not exist");
    }

    @Test
    void aFileWithErrorsIsNeverCached() throws Exception {
        inventory();
        write("c.yaml", "kind: Site\nid: dc-2\ntype: moon\nregion: x\n");
        AnalysisCache c = AnalysisCache.open(cacheFile);
        assertThatThrownBy(() -> load(c)).isInstanceOf(InputException.class);
        AnalysisCache again = AnalysisCache.open(cacheFile);
        assertThatThrownBy(() -> load(again)).isInstanceOf(InputException.class).hasMessageContaining("type");
        assertThat(again.hits()).isEqualTo(2);
    }

    @Test
    void inMemoryTheWatchKeepsWhatItReadForTheNextCheck() throws Exception {
        inventory();
        AnalysisCache memory = AnalysisCache.inMemory();
        String plain = describe(load(null));
        assertThat(describe(load(memory))).isEqualTo(plain);
        assertThat(memory.hits()).isZero();
        assertThat(describe(load(memory))).isEqualTo(plain);
        assertThat(memory.hits()).isEqualTo(2);
        write("b.yaml", Files.readString(inv.resolve("b.yaml")).replace("medium: tape", "medium: disk"));
        assertThat(describe(load(memory))).isEqualTo(describe(load(null))).contains("medium=DISK");
        assertThat(memory.hits()).isEqualTo(3);
        assertThat(Files.exists(cacheFile)).isFalse();
    }

    private static byte[] flip(byte[] b, int at) {
        byte[] c = b.clone();
        c[at] ^= 0x5a;
        return c;
    }
}
