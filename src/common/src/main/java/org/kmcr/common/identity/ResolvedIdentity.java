package org.kmcr.common.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * The MPI's answer to a resolve: the source identity, the person it is linked to, and how.
 *
 * @param sourceIdentityId always present; the same as {@link SourceIdentityIds#of} for the source key
 * @param personId         the person the source identity belongs to; null unless {@code linkStatus} is LINKED
 * @param linkMethod       how the person was found: {@code nhs-number}, {@code demographics} (the probabilistic
 *                         matcher), {@code new-person}, {@code review} (a privacy officer's decision),
 *                         {@code source-merge} or {@code manual-merge}
 * @param linkStatus       whether the source identity counts as part of the person now
 * @param reviewId         the open review of this link, if a privacy officer has to look at it; null otherwise
 * @param score            how sure the matcher is of the link, from 0 to 1 (optional: older answers lack it)
 */
public record ResolvedIdentity(UUID sourceIdentityId, UUID personId, String nhsNumber, String linkMethod,
        LinkStatus linkStatus, UUID reviewId, BigDecimal score) {

    @JsonCreator
    public ResolvedIdentity {
    }

    /** An answer without a score. */
    public ResolvedIdentity(UUID sourceIdentityId, UUID personId, String nhsNumber, String linkMethod,
            LinkStatus linkStatus, UUID reviewId) {
        this(sourceIdentityId, personId, nhsNumber, linkMethod, linkStatus, reviewId, null);
    }

    /** A source identity linked to its person with no review open. */
    public ResolvedIdentity(UUID sourceIdentityId, UUID personId, String nhsNumber, String linkMethod) {
        this(sourceIdentityId, personId, nhsNumber, linkMethod, LinkStatus.LINKED, null, null);
    }

    /** True when the source identity's items are part of the person's record. */
    public boolean linked() {
        return linkStatus == LinkStatus.LINKED;
    }
}
