package dev.continuity.engine.graph;

import java.util.Set;

/**
 * Derived fact: the internet links of one site, summarised.
 *
 * @param links            number of links
 * @param isps             distinct ISPs of the links
 * @param sharedUpstreams  upstreams among the effective upstreams of every link (empty when none or no links)
 * @param entryPoints      distinct entry points of the links that have one
 * @param allHaveEntryPoint every link has an entryPoint (false when there are no links)
 * @param bandwidthMbps    total bandwidth, a missing bandwidth counting 0
 * @param largestLinkMbps  bandwidth of the largest link (0 when none)
 * @param connected        the site is connected (not a cloud region), as NET-005 compares
 * @param requiredBandwidthMbps the site's requiredBandwidthMbps (null when it gives none), as NET-005 compares
 */
public record SiteLinks(String site, int links, Set<String> isps, Set<String> sharedUpstreams, Set<String> entryPoints,
                        boolean allHaveEntryPoint, double bandwidthMbps, double largestLinkMbps, boolean connected,
                        Double requiredBandwidthMbps) {

    /** rules.md NET-003: one building entry shared by every link. */
    public boolean isSingleEntryPoint() {
        return allHaveEntryPoint && entryPoints.size() == 1;
    }
}
