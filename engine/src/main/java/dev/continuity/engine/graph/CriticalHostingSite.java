package dev.continuity.engine.graph;

/**
 * Derived fact: a connected site (not a cloud region) that hosts a critical service, as a site or
 * as its failover site; the sites NET-001, NET-002 and NET-003 look at. It carries what NET-001
 * compares: the number of the site's internet links ({@code links}, as {@link SiteLinks} counts them).
 */
public record CriticalHostingSite(String site, int links) {
}
