package dev.continuity.engine.graph;

import dev.continuity.engine.model.Criticality;

/**
 * Derived fact: an incident-response Plan covering {@code service} (of {@code criticality}) lists
 * Vendor {@code vendor} in its thirdParties (once, however many such plans do); what IRP-002 looks
 * for.
 */
public record IncidentContact(String service, String vendor, Criticality criticality) {
}
