package dev.continuity.engine.model;

/**
 * The references the documents of an inventory write ({@link Ref} fields at any depth), as the
 * loader read them, resolved: the k-th goes from {@code resources().get(from[k])} to
 * {@code resources().get(to[k])} (-1: no resource has that id). Positions, not ids: the loader
 * looks each id up once, and what follows the references (the reference check, the components)
 * reads them without looking anything up again (300,000 of them at 100,000 resources).
 */
public record References(int[] from, int[] to) {
    public References {
        if (from.length != to.length) throw new IllegalArgumentException("as many sources as targets");
    }

    /** How many references. */
    public int size() {
        return from.length;
    }
}
