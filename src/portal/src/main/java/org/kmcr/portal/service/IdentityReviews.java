package org.kmcr.portal.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kmcr.common.identity.Demographics;
import org.kmcr.portal.client.LinkReviewsApi;
import org.kmcr.portal.client.LinkReviewsClient;
import org.kmcr.portal.model.Choice;
import org.kmcr.portal.model.IdentityReviewRow;

/** The MPI's review tasks: possible matches to link or keep separate, contradicting links to confirm or reject. */
@ApplicationScoped
public class IdentityReviews {

    static final int PAGE = 50;
    static final String POSSIBLE_MATCH = "possible-match";

    private final LinkReviewsClient identity;
    private final OrganisationNames names;

    IdentityReviews(LinkReviewsClient identity, OrganisationNames names) {
        this.identity = identity;
        this.names = names;
    }

    static final Choice LINK = new Choice("link", "Same person: link");
    static final Choice REJECT = new Choice("reject", "Not this person: reject the link");
    static final Choice SEPARATE = new Choice("separate", "Different people: keep separate");
    static final Choice DEFER = new Choice("defer", "Decide later");

    public Uni<List<IdentityReviewRow>> withStatus(String status) {
        return names.current().chain(known -> identity.list(status, 0, PAGE)
                        .map(reviews -> reviews.stream().map(review -> row(review, known)).toList()))
                .onFailure().transform(failure -> Failures.unavailable("identity", failure));
    }

    /** Records the decision; a refusal (already decided, a decision that does not fit the task) as its messages. */
    public Uni<List<String>> decide(UUID id, String decision, String note) {
        if (decision == null || !List.of("link", "reject", "separate", "defer").contains(decision)) {
            return Uni.createFrom().item(List.of("Choose what to do with these records"));
        }
        return identity.decide(id, new LinkReviewsApi.Decision(decision, note == null || note.isBlank() ? null : note))
                .map(done -> List.<String>of())
                .onFailure(failure -> Failures.status(failure) >= 400 && Failures.status(failure) < 500)
                .recoverWithItem(failure -> Failures.messages(failure, "The decision was not recorded"))
                .onFailure().transform(f -> Failures.unavailable("identity", f));
    }

    static IdentityReviewRow row(LinkReviewsApi.LinkReview review, Map<String, String> names) {
        boolean possibleMatch = POSSIBLE_MATCH.equals(review.kind());
        List<IdentityReviewRow.Side> linked = review.linked() == null ? List.of()
                : review.linked().stream().map(side -> side(side, names)).toList();
        String outcome = review.decision() == null ? ""
                : review.decision() + (review.decidedByName() == null ? "" : " by " + review.decidedByName())
                        + (review.decidedAt() == null ? "" : ", " + SummaryViews.dayTime(review.decidedAt()))
                        + (review.note() == null ? "" : ": " + review.note());
        return new IdentityReviewRow(review.id().toString(), review.kind(),
                possibleMatch ? "Possible match: are these the same person?"
                        : "Contradicting link: does this record belong to this person?",
                review.openedAt() == null ? "" : SummaryViews.dayTime(review.openedAt()),
                review.score() == null ? "" : review.score().stripTrailingZeros().toPlainString(),
                review.incoming() == null ? null : side(review.incoming(), names), linked,
                possibleMatch ? List.of(LINK, SEPARATE, DEFER) : List.of(LINK, REJECT, DEFER), outcome);
    }

    static IdentityReviewRow.Side side(LinkReviewsApi.Identity identity, Map<String, String> names) {
        Demographics d = identity.demographics();
        List<String> details = new ArrayList<>();
        if (d != null) {
            details.add(String.join(" ", d.given() == null ? List.of() : d.given())
                    + (d.family() == null ? "" : " " + d.family().toUpperCase(java.util.Locale.ROOT)));
            if (d.birthDate() != null) {
                details.add("born " + d.birthDate());
            }
            if (d.gender() != null) {
                details.add(d.gender());
            }
            if (d.postcode() != null) {
                details.add(d.postcode());
            }
        }
        List<String> evidence = identity.evidence() == null ? List.of() : identity.evidence().entrySet().stream()
                .map(field -> field.getKey() + ": " + field.getValue()).sorted().toList();
        return new IdentityReviewRow.Side(SummaryViews.organisation(identity.sourceOrg(), names)
                + (identity.sourceSystem() == null ? "" : ", " + identity.sourceSystem())
                + (identity.localId() == null ? "" : " " + identity.localId()),
                identity.nhsNumber() == null ? "no NHS number" : NhsNumbers.spaced(identity.nhsNumber()),
                String.join(", ", details.stream().map(String::strip).filter(s -> !s.isEmpty()).toList()), evidence);
    }
}
