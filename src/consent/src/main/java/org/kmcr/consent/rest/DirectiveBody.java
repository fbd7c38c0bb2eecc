package org.kmcr.consent.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.RelationshipAssertion;

/**
 * A directive a privacy officer records after reviewing it with the person: an objection (nothing shared but that
 * it exists and whom to contact), a restriction (of categories, of what some organisations hold, of items, for
 * some recipients or everyone), or a consent to share legally protected information with some organisations.
 *
 * @param recipientOrgs the organisations it applies to; empty: every organisation
 * @param contact       whom to contact about it; required for an objection
 */
public record DirectiveBody(
        @NotNull @Pattern(regexp = Patterns.NHS_NUMBER, message = "must be 10 digits") String nhsNumber,
        @NotNull @Pattern(regexp = KINDS, message = "must be objection, restriction or consent-to-share") String kind,
        @Size(max = 19) Set<@NotNull CareCategory> categories,
        @Size(max = 50) Set<@Pattern(regexp = RelationshipAssertion.ODS_CODE) String> sourceOrgs,
        @Size(max = 200) Set<@NotNull UUID> itemIds,
        @Size(max = 50) Set<@Pattern(regexp = RelationshipAssertion.ODS_CODE) String> recipientOrgs,
        @Size(max = 300) String contact,
        @NotBlank @Size(max = 2000) String reason) {

    static final String KINDS = "objection|restriction|consent-to-share";
}
