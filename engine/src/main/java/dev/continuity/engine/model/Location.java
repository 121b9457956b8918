package dev.continuity.engine.model;

/** Where something was declared: a path relative to the working directory (with '/'), 1-based line and column. */
public record Location(String file, int line, int column) implements Comparable<Location> {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }

    @Override
    public int compareTo(Location o) {
        int c = file.compareTo(o.file);
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }
}
