package dev.continuity.engine.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What changed between two results of the same inventory (check --watch): the open findings that are
 * new and those that are fixed, by fingerprint.
 */
public record Changes(List<Finding> added, List<Finding> fixed) {
    public static Changes between(Result before, Result after) {
        Set<String> was = before.findings().stream().filter(Finding::isOpen).map(Finding::fingerprint).collect(Collectors.toSet());
        Set<String> is = after.findings().stream().filter(Finding::isOpen).map(Finding::fingerprint).collect(Collectors.toSet());
        List<Finding> added = new ArrayList<>(), fixed = new ArrayList<>();
        for (Finding f : after.findings()) if (f.isOpen() && !was.contains(f.fingerprint())) added.add(f);
        for (Finding f : before.findings()) if (f.isOpen() && !is.contains(f.fingerprint())) fixed.add(f);
        return new Changes(List.copyOf(added), List.copyOf(fixed));
    }

    public boolean isEmpty() {
        return added.isEmpty() && fixed.isEmpty();
    }
}
