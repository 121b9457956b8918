package dev.continuity.engine.model;

import java.time.LocalDate;
import java.util.List;

@Doc("One version of a plan.")
public record ChangelogEntry(
        @Doc("Version of the plan") @Required SemVer version,
        @Doc("Date of the change") @Required LocalDate date,
        @Doc("What changed") String summary,
        @Doc("Exercises whose lessons this change applies") @Ref(Exercise.class) List<String> lessonsFrom) implements Dated {
}
