package dev.continuity.engine.load;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when the inventory has input errors; carries all of them, sorted by location. */
public final class InputException extends Exception {
    private final List<InputError> errors;

    public InputException(List<InputError> errors) {
        super(errors.stream().sorted().map(InputError::toString).collect(Collectors.joining("\n")), null, false, false);
        this.errors = errors.stream().sorted().distinct().toList();
    }

    public List<InputError> errors() {
        return errors;
    }
}
