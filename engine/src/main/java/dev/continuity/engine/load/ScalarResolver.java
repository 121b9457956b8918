package dev.continuity.engine.load;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * SnakeYAML's resolver of implicit types, which Jackson's YAML parser asks for the type of every
 * plain scalar, with the same answers for less work. The superclass looks up the resolvers for the
 * scalar's first character and then tries, for every scalar, the ones registered for any first
 * character (null, and empty): a regular expression or two for each of the two million plain
 * scalars of 100,000 resources, most of them names and ids. This one answers {@code str} at once
 * for a scalar whose first character has no resolver of its own, which the resolvers for any first
 * character cannot match either (checked when it is made: if SnakeYAML registers others, every
 * scalar goes to the superclass), and remembers the answers for the other short scalars (dates,
 * numbers, true and false, repeated throughout an inventory). {@code ScalarResolverTest} compares it
 * with the superclass on every scalar of the samples and on random text.
 */
final class ScalarResolver extends Resolver {
    /** One instance for every parser: it keeps nothing but the memory of answers, a concurrent map. */
    static final ScalarResolver INSTANCE = new ScalarResolver();

    /** Scalars remembered at most (then no more are added), and only those of at most this many chars. */
    private static final int MEMO_ENTRIES = 4096, MEMO_LENGTH = 64;

    // filled by addImplicitResolver, which the superclass's constructor calls before this class's
    // field initialisers run: so these two have none
    /** The first characters that have resolvers of their own. */
    private boolean[] ownResolvers;
    /** The patterns tried whatever the first character (those registered for none or for the empty string). */
    private List<Pattern> anyFirst;

    /** Whether a scalar whose first character has no resolver of its own is a string (see the class comment). */
    private final boolean shortcut;
    private final ConcurrentHashMap<String, Tag> memo = new ConcurrentHashMap<>();

    ScalarResolver() {
        super();
        // the patterns SnakeYAML registers for any first character: null (~, null, Null, NULL, one
        // space) and the empty string; a scalar that starts with another character matches neither
        List<String> known = List.of(Resolver.NULL.pattern(), Resolver.EMPTY.pattern());
        shortcut = anyFirst != null && anyFirst.stream().allMatch(p -> known.contains(p.pattern()))
                && Resolver.NULL.pattern().equals("^(?:~|null|Null|NULL| )$") && Resolver.EMPTY.pattern().equals("^$")
                && ownResolvers['~'] && ownResolvers['n'] && ownResolvers['N'];
    }

    @Override
    public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
        super.addImplicitResolver(tag, regexp, first, limit);
        if (ownResolvers == null) {
            ownResolvers = new boolean[Character.MAX_VALUE + 1];
            anyFirst = new ArrayList<>();
        }
        if (first == null) {
            anyFirst.add(regexp);
            return;
        }
        for (char c : first.toCharArray()) {
            if (c == 0) anyFirst.add(regexp); // the superclass files "\0" under no first character
            else ownResolvers[c] = true;
        }
    }

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
        if (kind != NodeId.scalar || !implicit) return super.resolve(kind, value, implicit);
        if (shortcut && !value.isEmpty()) {
            char c = value.charAt(0);
            if (!ownResolvers[c] && c != ' ') return Tag.STR;
        }
        if (value.length() > MEMO_LENGTH) return super.resolve(kind, value, true);
        Tag tag = memo.get(value);
        if (tag == null) {
            tag = super.resolve(kind, value, true);
            if (memo.size() < MEMO_ENTRIES) memo.put(value, tag);
        }
        return tag;
    }

    /** Whether the shortcut is on (a test holds that it is, for the SnakeYAML this project ships). */
    boolean shortcut() {
        return shortcut;
    }
}
