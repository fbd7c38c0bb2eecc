package org.kmcr.consent.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.RelationshipAssertion;
import org.kmcr.consent.model.ConsentDirective;

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

    ConsentDirective toEntity() {
        ConsentDirective directive = new ConsentDirective();
        directive.nhsNumber = nhsNumber;
        directive.kind = kind;
        directive.categories = codes(categories);
        directive.sourceOrgs = ConsentDirective.list(sourceOrgs);
        directive.itemIds = ConsentDirective.list(itemIds);
        directive.recipientOrgs = ConsentDirective.list(recipientOrgs);
        directive.contact = contact == null ? null : contact.strip();
        directive.reason = reason.strip();
        return directive;
    }

    /** Categories as a stored scope list of their codes. */
    static String codes(Set<CareCategory> categories) {
        return ConsentDirective.list(categories == null ? null : categories.stream().map(CareCategory::code).toList());
    }
}
