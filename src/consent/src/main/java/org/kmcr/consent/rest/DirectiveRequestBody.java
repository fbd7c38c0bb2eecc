package org.kmcr.consent.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.RelationshipAssertion;
import org.kmcr.consent.model.ConsentDirective;

/**
 * A citizen's request from the citizen view: an objection or a restriction of their own record, queued for a
 * privacy officer's review and not applied until one accepts it. The NHS number is the citizen's, from their token.
 */
public record DirectiveRequestBody(
        @NotNull @Pattern(regexp = "objection|restriction", message = "must be objection or restriction") String kind,
        @Size(max = 19) Set<@NotNull CareCategory> categories,
        @Size(max = 50) Set<@Pattern(regexp = RelationshipAssertion.ODS_CODE) String> recipientOrgs,
        @NotBlank @Size(max = 2000) String reason) {

    /** The request as a directive of its own kind, scoped to no source organisation or item. */
    ConsentDirective toEntity() {
        ConsentDirective directive = new ConsentDirective();
        directive.kind = kind;
        directive.categories = DirectiveBody.codes(categories);
        directive.sourceOrgs = "";
        directive.itemIds = "";
        directive.recipientOrgs = ConsentDirective.list(recipientOrgs);
        directive.reason = reason.strip();
        return directive;
    }
}
