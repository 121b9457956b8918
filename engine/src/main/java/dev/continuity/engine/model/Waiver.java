package dev.continuity.engine.model;

import java.time.LocalDate;
import java.util.Map;

@Doc("An accepted risk: a finding of a rule on a subject, waived until a date.")
public record Waiver(String id, String name, String description, Map<String, String> labels, Location location,
        @Doc("Rule id, e.g. NET-002") @Required String rule,
        @Doc("Id of the resource the finding names") @Required String subject,
        @Doc("The finding's detail, e.g. site:dc-1 or a data store id; absent: the finding has none") String detail,
        @Doc("Why the risk is accepted") @Required String reason,
        @Doc("Role or person who approved the waiver") @Required @Ref({Role.class, Person.class}) String approvedBy,
        @Doc("Last day the waiver applies") @Required LocalDate expires)
        implements Resource {
}
