package org.kmcr.identity.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.UUID;

/**
 * One side of a link review as it stood when the review opened: a source identity and its demographics, and
 * for those already linked to the person, how each field compared with the incoming source identity.
 *
 * @param evidence per field (family, given, birthDate, gender): agrees, disagrees or not-compared; null for the
 *                 incoming side
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewedIdentity(UUID sourceIdentityId, String sourceOrg, String sourceSystem, String localId,
        String nhsNumber, Demographics demographics, Map<String, String> evidence) {

    public static ReviewedIdentity of(SourceIdentity source, Map<String, String> evidence) {
        return new ReviewedIdentity(source.id, source.sourceOrg, source.sourceSystem, source.localId,
                source.nhsNumber, source.demographics, evidence);
    }
}
