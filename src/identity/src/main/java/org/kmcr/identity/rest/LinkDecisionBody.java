package org.kmcr.identity.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A privacy officer's decision on a link review: link or reject a link whose demographics contradict; link or
 * separate a possible match; defer either (it stays open, behind the others).
 */
public record LinkDecisionBody(
        @NotNull @Pattern(regexp = "link|reject|separate|defer", message = "must be link, reject, separate or defer")
        String decision,
        @Size(max = 4000) String note) {
}
