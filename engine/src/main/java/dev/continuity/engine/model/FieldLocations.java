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
    private final String[] paths;
    private final int[] lines;
    private final int[] columns;

    private FieldLocations(String file, String[] paths, int[] lines, int[] columns) {
        this.file = file;
        this.paths = paths;
        this.lines = lines;
        this.columns = columns;
    }

    /** The location of a field path, or null when the resource does not have that field. */
    public Location at(String path) {
        for (int i = 0; i < paths.length; i++) {
            if (paths[i].equals(path)) return new Location(file, lines[i], columns[i]);
        }
        return null;
    }

    /** Collects the locations of one resource while it is bound. */
    public static final class Builder {
        private final List<String> paths = new ArrayList<>();
        private final List<Location> at = new ArrayList<>();

        public void add(String path, Location l) {
            paths.add(path.intern());
            at.add(l);
        }

        public FieldLocations build() {
            String file = at.isEmpty() ? "" : at.get(0).file();
            int n = paths.size();
            int[] ls = new int[n], cs = new int[n];
            for (int i = 0; i < n; i++) {
                ls[i] = at.get(i).line();
                cs[i] = at.get(i).column();
            }
            return new FieldLocations(file, paths.toArray(String[]::new), ls, cs);
        }
    }
}
