package dev.continuity.engine.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each field and list item of one resource was written: {@code rto}, {@code failover.mode},
 * {@code backups[1]} to file:line:column. Kept compact (parallel arrays, shared path strings), as
 * there is one per resource.
 */
public final class FieldLocations {
    private final String file;
    /** Each entry's file when they are not all {@code file} (a hand-written document completing an imported one), else null. */
    private final String[] files;
    private final String[] paths;
    private final int[] lines;
    private final int[] columns;

    private FieldLocations(String file, String[] files, String[] paths, int[] lines, int[] columns) {
        this.file = file;
        this.files = files;
        this.paths = paths;
        this.lines = lines;
        this.columns = columns;
    }

    /** Made again from its parts (the analysis cache); {@code files} null when every entry is in {@code file}. */
    public static FieldLocations of(String file, String[] files, String[] paths, int[] lines, int[] columns) {
        return new FieldLocations(file, files, paths, lines, columns);
    }

    public String file() {
        return file;
    }

    /** Each entry's file, or null when all are {@link #file()}. */
    public String[] files() {
        return files;
    }

    public String[] paths() {
        return paths;
    }

    public int[] lines() {
        return lines;
    }

    public int[] columns() {
        return columns;
    }

    /** The location of a field path, or null when the resource does not have that field. */
    public Location at(String path) {
        for (int i = 0; i < paths.length; i++) {
            if (paths[i].equals(path)) return new Location(files == null ? file : files[i], lines[i], columns[i]);
        }
        return null;
    }

    /**
     * Collects the locations of one resource while it is bound; the binder gives each path as one
     * shared (interned) String for every resource.
     */
    public static final class Builder {
        // room for a typical resource's fields without growing
        private final List<String> paths = new ArrayList<>(32);
        private final List<Location> at = new ArrayList<>(32);

        public void add(String path, Location l) {
            paths.add(path);
            at.add(l);
        }

        public FieldLocations build() {
            String file = at.isEmpty() ? "" : at.get(0).file();
            int n = paths.size();
            int[] ls = new int[n], cs = new int[n];
            String[] fs = null;
            for (int i = 0; i < n; i++) {
                Location l = at.get(i);
                ls[i] = l.line();
                cs[i] = l.column();
                if (fs == null && !l.file().equals(file)) {
                    fs = new String[n];
                    for (int j = 0; j < i; j++) fs[j] = file;
                }
                if (fs != null) fs[i] = l.file();
            }
            return new FieldLocations(file, fs, paths.toArray(String[]::new), ls, cs);
        }
    }
}
