package org.kmcr.portal.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * One person the MPI's search found: identity's {@code SearchResultView} as it answers it (read here, not
 * redefined there; to move to {@code src/common} with identity's resource).
 */
public record PersonCandidate(UUID personId, BigDecimal score, String family, String given, String birthDate,
        String postcodeDistrict, List<String> reasons, String nhsNumber) {
}
