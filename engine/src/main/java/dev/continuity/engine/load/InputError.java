package dev.continuity.engine.load;

import dev.continuity.engine.model.Location;

/** A user mistake in the inventory, located at file:line:column (line 0 when it concerns a whole path). */
public record InputError(String file, int line, int column, String message) implements Comparable<InputError> {
    public static InputError at(Location l, String message) {
        return new InputError(l.file(), l.line(), l.column(), message);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
    }

    @Override
    public int compareTo(InputError o) {
        int c = file.compareTo(o.file);
        if (c == 0) c = Integer.compare(line, o.line);
        if (c == 0) c = Integer.compare(column, o.column);
        return c != 0 ? c : message.compareTo(o.message);
    }
}
