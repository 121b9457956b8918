package dev.continuity.maven;

import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ForkArchiveTest {
    private static final SystemStreamLog LOG = new SystemStreamLog();
    private static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC");

    @Test
    void theFirstBuildMarksTheSecondMakesTheThirdUses(@TempDir Path dir) throws IOException {
        Path jar = Files.writeString(dir.resolve("a.jar"), "jar");
        Path archives = dir.resolve("cache");
        List<String> cp = List.of(jar.toString());

        Fork.Archive first = Fork.Archive.of(archives, FLAGS, cp);
        assertThat(first.options(LOG)).isEmpty();
        first.after(LOG, true);
        assertThat(names(archives)).singleElement().asString().matches("check-[0-9a-f]{24}\\.seen");

        Fork.Archive second = Fork.Archive.of(archives, FLAGS, cp);
        List<String> making = second.options(LOG);
        assertThat(making.get(0)).startsWith("-XX:ArchiveClassesAtExit=" + archives);
        // what the forked JVM writes as it exits
        Files.writeString(Path.of(making.get(0).substring("-XX:ArchiveClassesAtExit=".length())), "archive");
        second.after(LOG, true);
        String name = names(archives).get(0).replace(".jsa", "");
        assertThat(names(archives)).containsExactly(name + ".jsa", name + ".seen");

        List<String> using = Fork.Archive.of(archives, FLAGS, cp).options(LOG);
        assertThat(using).containsExactly("-XX:SharedArchiveFile=" + archives.resolve(name + ".jsa"), "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** The second build's archive, after a first build left its mark: the one that makes it. */
    private static Fork.Archive secondBuild(Path dir, Path archives) throws IOException {
        List<String> cp = List.of(Files.writeString(dir.resolve("a.jar"), "jar").toString());
        Fork.Archive.of(archives, FLAGS, cp).options(LOG);
        return Fork.Archive.of(archives, FLAGS, cp);
    }

    @Test
    void aJvmThatWroteNoArchiveLeavesNothing(@TempDir Path dir) throws IOException {
        Path archives = dir.resolve("cache");
        Fork.Archive second = secondBuild(dir, archives);
        assertThat(second.options(LOG)).isNotEmpty();
        second.after(LOG, true); // it ended as a check ends, but its JVM wrote no archive
        assertThat(names(archives)).singleElement().asString().endsWith(".seen");
    }

    @Test
    void anArchiveFromAJvmThatDidNotEndAsACheckEndsIsNotKept(@TempDir Path dir) throws IOException {
        Path archives = dir.resolve("cache");
        Fork.Archive second = secondBuild(dir, archives);
        List<String> making = second.options(LOG);
        Files.writeString(Path.of(making.get(0).substring("-XX:ArchiveClassesAtExit=".length())), "half an archive");
        second.after(LOG, false); // crashed, or halted by a custom rule
        try (var s = Files.list(archives)) {
            assertThat(s.map(p -> p.getFileName().toString())).singleElement().asString().endsWith(".seen");
        }
    }

    @Test
    void anotherJarOrOtherOptionsNameAnotherArchive(@TempDir Path dir) throws IOException {
        Path jar = Files.writeString(dir.resolve("a.jar"), "jar");
        Path archives = dir.resolve("cache");
        Fork.Archive.of(archives, FLAGS, List.of(jar.toString())).options(LOG);
        Fork.Archive.of(archives, List.of("-Xmx8g"), List.of(jar.toString())).options(LOG);
        Files.writeString(jar, "another build of the jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        Fork.Archive.of(archives, FLAGS, List.of(jar.toString())).options(LOG);
        assertThat(names(archives)).hasSize(3).allMatch(n -> n.endsWith(".seen"));
    }

    @Test
    void archivesNoBuildUsedFor30DaysAreRemovedWhenAnotherIsMade(@TempDir Path dir) throws IOException {
        Path archives = Files.createDirectories(dir.resolve("cache"));
        String old = "check-" + "0".repeat(24), recent = "check-" + "1".repeat(24);
        for (String n : List.of(old, recent)) {
            Files.writeString(archives.resolve(n + ".jsa"), "archive");
            Files.writeString(archives.resolve(n + ".seen"), "");
        }
        Files.setLastModifiedTime(archives.resolve(old + ".seen"), FileTime.from(Instant.now().minus(Duration.ofDays(31))));
        Files.setLastModifiedTime(archives.resolve(recent + ".seen"), FileTime.from(Instant.now().minus(Duration.ofDays(29))));
        List<String> cp = List.of(Files.writeString(dir.resolve("a.jar"), "jar").toString());
        Fork.Archive.of(archives, FLAGS, cp).options(LOG);
        Fork.Archive.of(archives, FLAGS, cp).options(LOG); // makes one: the unused are removed
        assertThat(names(archives)).doesNotContain(old + ".jsa", old + ".seen").contains(recent + ".jsa", recent + ".seen");
    }

    private static List<String> names(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".tmp")).sorted().toList();
        }
    }

    /** The heap's sizes follow the inventory's size: an inventory that grows keeps its archive; other flags name another. */
    @Test
    void heapSizesDoNotNameAnotherArchive(@TempDir Path dir) {
        List<String> cp = List.of(dir.resolve("a.jar").toString());
        Fork.Archive small = Fork.Archive.of(dir, List.of("-XX:TieredStopAtLevel=1", "-Xms1024m", "-Xmn128m"), cp);
        Fork.Archive grown = Fork.Archive.of(dir, List.of("-XX:TieredStopAtLevel=1", "-Xms1400m", "-Xmn128m"), cp);
        Fork.Archive other = Fork.Archive.of(dir, List.of("-XX:+UseParallelGC", "-Xms1024m", "-Xmn128m"), cp);
        assertThat(grown.file()).isEqualTo(small.file());
        assertThat(other.file()).isNotEqualTo(small.file());
    }
}
