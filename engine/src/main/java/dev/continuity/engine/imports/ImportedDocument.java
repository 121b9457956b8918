package dev.continuity.engine.imports;

import dev.continuity.engine.load.YNode.YMap;

/**
 * One inventory document derived from a declared source.
 *
 * @param kind       the inventory kind (DataStore, Site, ...)
 * @param id         its id, derived from the source address (docs/importing.md)
 * @param source     the file it came from, as shown to the user; its output file is named after it
 * @param address    the source address: a Terraform resource address, a Backstage entity reference,
 *                   or {@code provider} / {@code region} for the sites and vendors that resources share
 * @param document   the document, every value located in the source, with {@code x-source}
 * @param completion true when it only completes a hand-written document of the same kind and id
 *                   (an automated failover found in DNS): never a resource on its own
 */
public record ImportedDocument(String kind, String id, String source, String address, YMap document, boolean completion) {
}
