package dev.continuity.engine.imports;

import dev.continuity.engine.model.Kinds;

import java.util.Comparator;

/** The order of imported documents: kinds as inventory.md lists them, then id, then source. */
final class ImportOrder {
    static final Comparator<ImportedDocument> DOCUMENTS = Comparator
            .comparingInt((ImportedDocument d) -> Kinds.ALL.indexOf(Kinds.BY_NAME.get(d.kind())))
            .thenComparing(ImportedDocument::id)
            .thenComparing(ImportedDocument::source);

    private ImportOrder() {
    }
}
