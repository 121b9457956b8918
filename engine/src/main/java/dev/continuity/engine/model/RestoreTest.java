package dev.continuity.engine.model;

import java.time.LocalDate;

@Doc("A test restore of a data store.")
public record RestoreTest(
        @Doc("Date of the test") @Required LocalDate date,
        @Doc("Whether the restore succeeded") boolean passed,
        @Doc("How long the restore took") Dur duration,
        @Doc("The restored data was checked complete and consistent") boolean integrityVerified) implements Dated {
}
