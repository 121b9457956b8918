package dev.continuity.engine.eval;

import dev.continuity.engine.load.InputError;
import dev.continuity.engine.load.InputException;

import java.util.List;

/** A user's own rule misbehaved (RuleGuard): a user mistake, reported as an input error naming the rule file and rule. */
public final class CustomRuleException extends RuntimeException {
    private final InputError error;

    CustomRuleException(InputError error) {
        super(error.toString(), null, false, false);
        this.error = error;
    }

    public InputException asInputException() {
        return new InputException(List.of(error));
    }
}
