package dev.continuity.engine.model;

import java.util.Map;

/**
 * One YAML document of the inventory. Every kind is an immutable record whose components are the
 * fields of inventory.md; {@code id}, {@code name}, {@code description}, {@code labels} and
 * {@code location} are common to all of them.
 */
public sealed interface Resource
        permits Policy, Vendor, Site, InternetLink, Service, DataStore, EdgeProtection, Person, Role, Plan, Exercise, Waiver {
    String id();

    String name();

    String description();

    Map<String, String> labels();

    Location location();

    /** The kind as written in YAML, e.g. {@code InternetLink}. */
    default String kind() {
        return getClass().getSimpleName();
    }

    /** The display name, else the id. */
    default String displayName() {
        return name() != null && !name().isBlank() ? name() : id();
    }
}
