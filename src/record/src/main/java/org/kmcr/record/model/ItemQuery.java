package org.kmcr.record.model;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Which of a person's items to read, recent first: of the source identities, in the categories, after a position,
 * and optionally only some resource types or (type, code) pairs and one source organisation.
 *
 * @param resourceTypes items of these types match whatever their code; empty with {@code typeCodes} empty: any
 * @param typeCodes     items whose {@code resourceType|code} is one of these match
 * @param sourceOrg     only this organisation's items; null for any
 */
public record ItemQuery(Collection<UUID> sourceIdentityIds, Collection<String> categories, List<String> resourceTypes,
        List<String> typeCodes, String sourceOrg, Position after, int limit) {

    public static ItemQuery of(Collection<UUID> sourceIdentityIds, Collection<String> categories, Position after,
            int limit) {
        return new ItemQuery(sourceIdentityIds, categories, List.of(), List.of(), null, after, limit);
    }

    public ItemQuery after(Position position) {
        return new ItemQuery(sourceIdentityIds, categories, resourceTypes, typeCodes, sourceOrg, position, limit);
    }

    public ItemQuery inCategories(Collection<String> only) {
        return new ItemQuery(sourceIdentityIds, only, resourceTypes, typeCodes, sourceOrg, after, limit);
    }

    public ItemQuery limit(int rows) {
        return new ItemQuery(sourceIdentityIds, categories, resourceTypes, typeCodes, sourceOrg, after, rows);
    }

    public boolean anyType() {
        return resourceTypes.isEmpty() && typeCodes.isEmpty();
    }
}
