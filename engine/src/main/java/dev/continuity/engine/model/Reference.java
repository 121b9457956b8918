package dev.continuity.engine.model;

/** One reference written in the inventory: the document {@code from} names the resource {@code to} in a {@link Ref} field. */
public record Reference(String from, String to) {
}
