package org.kmcr.consent.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A privacy officer's decision on a citizen's request: accept (it applies from the next decision) or reject.
 *
 * @param contact whom the person and professionals should contact about it (required to accept an objection)
 */
public record DirectiveDecisionBody(
        @NotNull @Pattern(regexp = "accept|reject", message = "must be accept or reject") String outcome,
        @Size(max = 2000) String note,
        @Size(max = 300) String contact) {

    /** Why a directive is withdrawn. */
    public record Note(@NotBlank @Size(max = 2000) String note) {
    }
}
