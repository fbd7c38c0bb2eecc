package org.kmcr.consent.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.kmcr.consent.policy.AccessPolicy;
import org.kmcr.consent.policy.AccessRequest;

/**
 * A service asking whether an end user may see a person's record.
 *
 * @param caller           the end user, as the asking service took them from their verified token
 * @param breakGlassReason why the user needs the record without a relationship; null or blank when none
 */
public record AccessDecisionRequest(
        @NotNull UUID personId,
        @Pattern(regexp = Patterns.NHS_NUMBER, message = "must be 10 digits") String nhsNumber,
        @NotBlank String purpose,
        @NotNull @Valid CallerDetails caller,
        @Size(max = 2000)
        @Pattern(regexp = Patterns.BREAK_GLASS_REASON, message = "must say why you need this record, in at least "
                + AccessPolicy.MIN_BREAK_GLASS_REASON + " characters") String breakGlassReason) {

    /** The end user a decision is about. */
    public record CallerDetails(
            @NotBlank String userId,
            String displayName,
            @NotEmpty Set<@NotBlank String> roles,
            String orgCode,
            String roleCode,
            @Pattern(regexp = Patterns.NHS_NUMBER, message = "must be 10 digits") String nhsNumber) {
    }

    AccessRequest toPolicyRequest() {
        return new AccessRequest(personId, nhsNumber, purpose, new AccessRequest.Requester(caller.userId(),
                caller.displayName(), caller.roles(), caller.orgCode(), caller.roleCode(), caller.nhsNumber()),
                breakGlassReason);
    }
}
