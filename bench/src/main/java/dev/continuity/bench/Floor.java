package dev.continuity.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor of a check: only tokenise the inventory's YAML files with Jackson's YAML parser, as the
 * loader's first step does, and nothing else. bench/run.sh reports every size as a ratio to it.
 * Usage: {@code Floor DIR}; prints the number of tokens.
 */
public final class Floor {
    private Floor() {
    }

    public static void main(String[] args) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(100 * 1024 * 1024);
        YAMLFactory yaml = YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(100 * 1024 * 1024).build()).build();
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        long tokens = files.parallelStream().mapToLong(f -> {
            long n = 0;
            try (JsonParser p = yaml.createParser(f.toFile())) {
                while (p.nextToken() != null) n++;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return n;
        }).sum();
        System.out.println(tokens + " tokens in " + files.size() + " files");
    }
}
