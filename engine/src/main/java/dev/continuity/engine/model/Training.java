package dev.continuity.engine.model;

import java.time.LocalDate;

@Doc("Training of a person for a role.")
public record Training(
        @Doc("Role trained for") @Required @Ref(Role.class) String role,
        @Doc("Date of the training") @Required LocalDate date) implements Dated {
}
