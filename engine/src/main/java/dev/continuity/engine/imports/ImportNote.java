package dev.continuity.engine.imports;

import dev.continuity.engine.model.Location;
import dev.continuity.engine.text.Text;

/**
 * Something an import could not derive, or left out on purpose, named at the source it concerns:
 * {@code plan.json:12:7: aws_db_instance.replica: ...}. Its text escapes control characters.
 */
public record ImportNote(Location at, String address, String message) implements Comparable<ImportNote> {
    @Override
    public String toString() {
        String where = at.line() > 0 ? at + ": " : at.file() + ": ";
        return Text.escape(where + (address.isEmpty() ? "" : address + ": ") + message);
    }

    @Override
    public int compareTo(ImportNote o) {
        int c = at.compareTo(o.at);
        if (c == 0) c = address.compareTo(o.address);
        return c != 0 ? c : message.compareTo(o.message);
    }
}
