package org.kmcr.consent.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.kmcr.common.consent.CallerDetails;
import org.kmcr.consent.policy.AccessPolicy;
import org.kmcr.consent.policy.AccessRequest;
import org.kmcr.consent.service.AccessDecisionService;

/**
 * A service asking whether an end user may see a person's record.
 *
 * @param personId         null when KMCR holds no person with the NHS number
 * @param caller           the end user, as the asking service took them from their verified token
 * @param breakGlassReason why the user needs the record without a relationship; null or blank when none
 */
public record AccessDecisionRequest(
        UUID personId,
        @Pattern(regexp = Patterns.NHS_NUMBER, message = "must be 10 digits") String nhsNumber,
        @NotBlank String purpose,
        @NotNull @Valid CallerDetails caller,
        @Size(max = 2000)
        @Pattern(regexp = Patterns.BREAK_GLASS_REASON, message = "must say why you need this record, in at least "
                + AccessPolicy.MIN_BREAK_GLASS_REASON + " characters") String breakGlassReason) {

    AccessRequest toPolicyRequest() {
        return new AccessRequest(personId, nhsNumber, purpose, AccessDecisionService.requester(caller),
                breakGlassReason);
    }
}
