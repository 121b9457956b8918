package dev.continuity.engine.imports;

import dev.continuity.engine.load.InputError;

import java.util.List;

/**
 * What an import produced: documents in a fixed order (kind as inventory.md lists them, then id),
 * warnings about what could not be derived, one line per resource type that imported nothing,
 * and input errors (a file that is not what it should be).
 */
public record Imported(List<ImportedDocument> documents, List<ImportNote> warnings, List<String> unmapped,
                       List<InputError> errors) {
    public Imported {
        documents = List.copyOf(documents);
        warnings = List.copyOf(warnings);
        unmapped = List.copyOf(unmapped);
        errors = List.copyOf(errors);
    }
}
