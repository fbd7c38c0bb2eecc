package org.kmcr.consent.policy;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The role x category matrix: which record categories each role may see. A role not listed sees none. */
public record CategoryPolicy(Map<String, Set<String>> categoriesByRole) {

    public CategoryPolicy {
        categoriesByRole = categoriesByRole.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    }

    /** The categories a role may see, in name order. */
    public Set<String> forRole(String role) {
        return new TreeSet<>(categoriesByRole.getOrDefault(role, Set.of()));
    }

    /** Every category the policy knows of, in name order. */
    public Set<String> allCategories() {
        return categoriesByRole.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
    }
}
