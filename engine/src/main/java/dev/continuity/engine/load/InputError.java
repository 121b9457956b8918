package dev.continuity.engine.load;

import dev.continuity.engine.model.Location;
import dev.continuity.engine.text.Text;

/**
 * A user mistake, located at {@code file:line:column} (line 0 when it concerns a whole path), with
 * the path of the offending field ({@code failover.mode}, {@code backups[1].frequency}) when there
 * is one. Its text escapes every control character, so input can never forge a line of output.
 */
public record InputError(String file, int line, int column, String field, String message) implements Comparable<InputError> {
    public InputError {
        field = field == null ? "" : field;
    }

    public InputError(String file, int line, int column, String message) {
        this(file, line, column, "", message);
    }

    public static InputError at(Location l, String message) {
        return new InputError(l.file(), l.line(), l.column(), "", message);
    }

    public static InputError at(Location l, String field, String message) {
        return new InputError(l.file(), l.line(), l.column(), field, message);
    }

    @Override
    public String toString() {
        String what = (field.isEmpty() ? "" : field + ": ") + message;
        return Text.escape(line > 0 ? file + ":" + line + ":" + column + ": " + what : file + ": " + what);
    }

    @Override
    public int compareTo(InputError o) {
        int c = file.compareTo(o.file);
        if (c == 0) c = Integer.compare(line, o.line);
        if (c == 0) c = Integer.compare(column, o.column);
        if (c == 0) c = field.compareTo(o.field);
        return c != 0 ? c : message.compareTo(o.message);
    }
}
