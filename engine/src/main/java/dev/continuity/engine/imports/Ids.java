package dev.continuity.engine.imports;

import dev.continuity.engine.load.InventoryLoader;

import java.nio.charset.StandardCharsets;
import java.util.*;

/**
 * Stable ids from source addresses (docs/importing.md, "Ids"): lower case; {@code ["key"]} and
 * {@code [0]} become {@code .key} and {@code .0}; any other character outside
 * {@code [a-z0-9._-]} becomes {@code -}. An id longer than 63 characters, or one that two
 * addresses would share, keeps its first 54 characters and ends in {@code -} and 8 hex digits of
 * the SHA-256 of the address. The same addresses always give the same ids.
 */
final class Ids {
    private final Map<String, String> byAddress = new HashMap<>();

    /** Fixes the ids of a set of addresses: in sorted order, the first to claim a plain id keeps it. */
    void reserve(Collection<String> addresses) {
        Map<String, String> owner = new HashMap<>();
        for (String a : new TreeSet<>(addresses)) {
            String id = plain(a);
            if (id.length() > 63 || owner.containsKey(id) && !owner.get(id).equals(a)) id = hashed(a, id);
            owner.putIfAbsent(id, a);
            byAddress.put(a, id);
        }
    }

    String of(String address) {
        return byAddress.computeIfAbsent(address, a -> {
            String id = plain(a);
            return id.length() > 63 ? hashed(a, id) : id;
        });
    }

    static String plain(String address) {
        String s = address.toLowerCase(Locale.ROOT)
                .replaceAll("\\[\"([^\"]*)\"\\]", ".$1")
                .replaceAll("\\[(\\d+)\\]", ".$1")
                .replaceAll("[^a-z0-9._-]", "-");
        s = s.replaceAll("^[^a-z0-9]+", "");
        return s.isEmpty() ? "x" : s;
    }

    private static String hashed(String address, String id) {
        String hex = InventoryLoader.sha256(address.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
        String head = id.length() > 54 ? id.substring(0, 54) : id;
        return head + "-" + hex;
    }

    /** An id for a name (a provider's company name): {@code Equinix, Inc.} -> {@code equinix-inc}. */
    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.isEmpty()) s = "isp";
        return s.length() > 63 ? s.substring(0, 63) : s;
    }

    static boolean valid(String id) {
        return InventoryLoader.validId(id);
    }
}
