package dev.continuity.engine.graph;

import java.time.LocalDate;

/**
 * Derived fact: Person {@code person} is a backup of Role {@code role} (once, at {@code index}, its
 * first place in the role's backups); it carries what PPL-002 compares: whether the role is
 * {@code required}, and the date of the person's latest training for the role ({@code lastTrained},
 * null when never trained for it).
 */
public record RoleBackup(String role, String person, boolean required, LocalDate lastTrained, int index) {
}
