package dev.continuity.engine.model;

import java.util.List;
import java.util.Map;

@Doc("A database, file store or other data, with its replicas, backups and restore tests.")
public record DataStore(String id, String name, String description, Map<String, String> labels, Location location,
        @Doc("Site of the primary copy") @Required @Ref(Site.class) String site,
        @Doc("Replicas") List<Replica> replicas,
        @Doc("Backups") List<Backup> backups,
        @Doc("Restore tests") List<RestoreTest> restoreTests)
        implements Resource {

    /**
     * rules.md (DAT-001): the best recovery point: 0 with a sync replica, else the smallest maxLag
     * of an async replica or frequency of a backup; null (infinite) with no replica or backup.
     */
    public Dur bestRecoveryPoint() {
        Dur best = null;
        for (Replica r : replicas) {
            Dur rp = r.mode() == ReplicaMode.SYNC ? Dur.ZERO : r.maxLag();
            if (rp != null && (best == null || rp.compareTo(best) < 0)) best = rp;
        }
        for (Backup b : backups) {
            if (best == null || b.frequency().compareTo(best) < 0) best = b.frequency();
        }
        return best;
    }

    /** rules.md (DAT-003): some backup is immutable or air-gapped. */
    public boolean hasImmutableBackup() {
        for (Backup b : backups) if (b.immutable() || b.airGapped()) return true; // (loops, not streams: the rules ask for every data store)
        return false;
    }

    /** rules.md (DAT-007): some backup is not encrypted. */
    public boolean hasUnencryptedBackup() {
        for (Backup b : backups) if (!b.encrypted()) return true;
        return false;
    }

    /** The index of the first backup whose encrypted is not true, or -1 (DAT-007 points there). */
    public int firstUnencryptedBackupIndex() {
        for (int i = 0; i < backups.size(); i++) if (!backups.get(i).encrypted()) return i;
        return -1;
    }

    /** The index of the latest restore test in restoreTests, or -1 (DAT-005 points there). */
    public int latestRestoreTestIndex() {
        return restoreTestIndex(latestRestoreTest());
    }

    /** The index of the latest passed restore test in restoreTests, or -1 (DAT-009 points there). */
    public int latestPassedRestoreTestIndex() {
        return restoreTestIndex(latestPassedRestoreTest());
    }

    /** The index of this very restore test (not an equal one) in restoreTests, or -1. */
    private int restoreTestIndex(RestoreTest test) {
        for (int i = 0; i < restoreTests.size(); i++) if (restoreTests.get(i) == test) return i;
        return -1;
    }

    /** DAT-008: some backup keeps its copies at least {@code min} (a backup without retention keeps none). */
    public boolean hasBackupRetainedFor(Dur min) {
        for (Backup b : backups) if (b.retention() != null && !min.longerThan(b.retention())) return true;
        return false;
    }

    /** The latest restore test, or null. */
    public RestoreTest latestRestoreTest() {
        return Dated.latest(restoreTests);
    }

    /** The latest passed restore test, or null (DAT-006). */
    public RestoreTest latestPassedRestoreTest() {
        return Dated.latest(restoreTests, RestoreTest::passed);
    }
}
