package org.kmcr.common.consent;

import java.time.Instant;
import java.util.UUID;

/**
 * A correction request as consent answers it, to the citizen who made it and to the source organisation's staff.
 *
 * @param decidedAt    null while open
 * @param decisionNote the source organisation's answer, null while open
 * @param decidedByOrg the ODS code of the organisation that answered (the source, or the region's privacy office)
 */
public record CorrectionRequestView(UUID id, String nhsNumber, String sourceOrg, String item, String correction,
        CorrectionStatus status, Instant requestedAt, Instant decidedAt, String decisionNote, String decidedByOrg) {
}
