package dev.continuity.engine.load;

import dev.continuity.engine.text.Text;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks that run on every document and scalar, written without a regular expression or a
 * code-point walk for speed (docs/performance.md), against the definitions they replace.
 */
class FastChecksTest {
    private static final String ID_ALPHABET = "az09._-A/ é\u0000";

    @Test
    void validIdAgreesWithTheIdPattern() {
        for (String id : new String[] {"", "a", "0", "-a", ".a", "_a", "a-b.c_d", "A", "a".repeat(63), "a".repeat(64), "a b", "é", "a\u0000"}) {
            assertThat(InventoryLoader.validId(id)).as(id).isEqualTo(InventoryLoader.ID.matcher(id).matches());
        }
        Random random = new Random(15);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(n % 10 == 0 ? 70 : 6);
            for (int i = 0; i < length; i++) b.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
            String id = b.toString();
            assertThat(InventoryLoader.validId(id)).as(id).isEqualTo(InventoryLoader.ID.matcher(id).matches());
        }
    }

    /** Text.forbidden as it was written first: code point by code point. */
    private static int byCodePoint(String s, boolean freeText) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if ((Text.isControl(cp) || Text.isBidi(cp)) && !(freeText && (cp == '\t' || cp == '\n'))) return cp;
            i += Character.charCount(cp);
        }
        return -1;
    }

    @Test
    void forbiddenAgreesWithACodePointWalk() {
        int[] interesting = {'a', ' ', '~', 0x7f, 0x80, 0x9f, 0xa0, '\t', '\n', '\r', 0x1b, 0x200e, 0x200f, 0x202a, 0x202e, 0x2066, 0x2069,
                0x061c, 0xe9, 0x1f600, 0xd83d, 0xde00, 0x10ffff, 0xfeff};
        Random random = new Random(22);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(8);
            for (int i = 0; i < length; i++) b.appendCodePoint(interesting[random.nextInt(interesting.length)]);
            String s = b.toString();
            for (boolean free : new boolean[] {false, true}) {
                assertThat(Text.forbidden(s, free)).as("%s %s", s.codePoints().boxed().toList(), free).isEqualTo(byCodePoint(s, free));
            }
        }
    }
}
