package org.kmcr.common.consent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A citizen's request that something in their record be corrected ({@code POST /api/me/correction-requests}),
 * routed to the organisation that recorded it. The NHS number is the citizen's own, from their token.
 *
 * @param sourceOrg  the ODS code of the organisation whose entry is wrong
 * @param item       which entry is wrong, in the citizen's words (e.g. "Allergy to penicillin")
 * @param correction what is wrong with it and what it should say
 */
public record CorrectionRequest(
        @NotNull @Pattern(regexp = RelationshipAssertion.ODS_CODE, message = "must be an ODS code") String sourceOrg,
        @NotBlank @Size(max = ITEM_MAX) String item,
        @NotBlank @Size(max = CORRECTION_MAX) String correction) {

    public static final int ITEM_MAX = 300;
    public static final int CORRECTION_MAX = 2000;
}
