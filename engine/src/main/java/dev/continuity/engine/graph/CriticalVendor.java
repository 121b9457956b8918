package dev.continuity.engine.graph;

import java.time.LocalDate;

/**
 * Derived fact: a Vendor relied on by a critical service (rules.md, Terms: "vendors relied on"),
 * once however many critical services rely on it; the vendors VND-003 and VND-004 look at. It
 * carries what they compare: the vendor's {@code lastAssessed}, whether it has an exit plan
 * ({@code withExitPlan}) and {@code exitPlanTested}.
 */
public record CriticalVendor(String vendor, LocalDate lastAssessed, boolean withExitPlan, LocalDate exitPlanTested) {
}
