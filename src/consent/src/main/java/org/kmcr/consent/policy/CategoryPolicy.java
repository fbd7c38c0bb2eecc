package org.kmcr.consent.policy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kmcr.common.consent.CareCategory;

/** The role x category matrix: which record categories each role may see. A role not listed sees none. */
public record CategoryPolicy(Map<String, Set<CareCategory>> categoriesByRole) {

    public CategoryPolicy {
        categoriesByRole = categoriesByRole.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    }

    /** The categories a role may see, in the categories' order. */
    public Set<CareCategory> forRole(String role) {
        Set<CareCategory> found = categoriesByRole.getOrDefault(role, Set.of());
        return found.isEmpty() ? EnumSet.noneOf(CareCategory.class) : EnumSet.copyOf(found);
    }
}
