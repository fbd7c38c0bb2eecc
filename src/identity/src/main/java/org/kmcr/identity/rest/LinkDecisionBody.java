package org.kmcr.identity.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A privacy officer's decision on a link review. */
public record LinkDecisionBody(
        @NotNull @Pattern(regexp = "link|reject", message = "must be link or reject") String decision,
        @Size(max = 4000) String note) {
}
