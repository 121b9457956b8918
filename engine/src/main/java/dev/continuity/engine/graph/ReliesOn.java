package dev.continuity.engine.graph;

import dev.continuity.engine.model.VendorType;

import java.util.Set;

/**
 * Derived fact, for critical services: {@code vendor} is relied on by {@code service}: a Vendor in
 * its dependency closure, the provider of one of its own hosting sites, the ISP of a link at those
 * sites, or the provider of an EdgeProtection covering it (rules.md). It carries what IRP-002
 * compares: the vendor's {@code vendorType}, and the {@code incidentContacts} of the service: every
 * Vendor listed in the thirdParties of an incident-response Plan covering it.
 */
public record ReliesOn(String service, String vendor, VendorType vendorType, Set<String> incidentContacts) {
}
