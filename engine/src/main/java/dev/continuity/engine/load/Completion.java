package dev.continuity.engine.load;

import dev.continuity.engine.load.YNode.*;
import dev.continuity.engine.text.Text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A hand-written document that has the kind and id of an imported one completes it (docs/importing.md):
 * it adds what the source cannot say (restore tests, a failover site, labels); lists are joined,
 * the imported items first; a value both give must be the same, so that a hand-written document
 * can never hide what the declared infrastructure says.
 */
final class Completion {
    private Completion() {
    }

    static YMap merge(YMap hand, YMap imported, String address, List<InputError> errors) {
        return mergeMap(hand, imported, address, "", errors);
    }

    private static YMap mergeMap(YMap hand, YMap imported, String address, String path, List<InputError> errors) {
        LinkedHashMap<String, YEntry> out = new LinkedHashMap<>(hand.entries());
        for (YEntry e : imported.entries().values()) {
            String field = path.isEmpty() ? e.key() : path + "." + e.key();
            YEntry mine = hand.get(e.key());
            if (mine == null || (mine.value() instanceof YScalar s && s.isNull())) {
                out.put(e.key(), e);
                continue;
            }
            if (e.key().startsWith("x-")) continue;
            YNode merged = mergeValue(mine.value(), e.value(), address, field, errors);
            out.put(e.key(), new YEntry(e.key(), mine.keyLocation(), merged));
        }
        return new YMap(hand.location(), out);
    }

    private static YNode mergeValue(YNode hand, YNode imported, String address, String field, List<InputError> errors) {
        if (hand instanceof YMap hm && imported instanceof YMap im) return mergeMap(hm, im, address, field, errors);
        if (hand instanceof YSeq hs && imported instanceof YSeq is) {
            List<YNode> items = new ArrayList<>(is.items());
            items.addAll(hs.items());
            return new YSeq(hs.location(), items);
        }
        if (hand instanceof YScalar hs && imported instanceof YScalar is && hs.text().equalsIgnoreCase(is.text())) return hand;
        errors.add(InputError.at(hand.location(), field, "this document completes " + Text.quote(address) + ", imported from "
                + imported.location() + ", which gives " + imported.describe() + " here: a hand-written document may add fields"
                + " to an imported one, never change them (change it where it is declared, or leave it out here)"));
        return hand;
    }
}
