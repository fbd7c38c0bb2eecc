package org.kmcr.portal.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;
import org.kmcr.portal.client.AccessReview;
import org.kmcr.portal.client.PersonCandidate;
import org.kmcr.portal.model.AccessRow;
import org.kmcr.portal.model.AuditSearchView;
import org.kmcr.portal.model.DeadLetterRow;
import org.kmcr.portal.model.FeedRow;
import org.kmcr.portal.model.IdentityReviewRow;
import org.kmcr.portal.model.PatternAlertRow;
import org.kmcr.portal.model.RequestRow;
import org.kmcr.portal.model.ResultsView;
import org.kmcr.portal.model.SummaryView;
import org.kmcr.portal.model.TimelineView;

/** Every page's template (src/main/resources/templates/Pages/), type-checked at build time. */
@CheckedTemplate(basePath = "Pages")
public final class Pages {

    private Pages() {
    }

    public static native TemplateInstance home();

    public static native TemplateInstance signedOut();

    public static native TemplateInstance find(List<String> errors, FindForm form);

    public static native TemplateInstance candidates(List<PersonCandidate> candidates, FindForm form);

    public static native TemplateInstance summary(SummaryView summary, boolean plainEnglish);

    public static native TemplateInstance noRelationship(String nhsNumber, String nhsNumberSpaced, List<String> reasons,
            List<String> errors, List<ReasonOption> reasonOptions);

    public static native TemplateInstance notFound(String nhsNumberSpaced);

    public static native TemplateInstance accesses(List<AccessRow> accesses);

    public static native TemplateInstance reviews(List<AccessReview> open, List<AccessReview> closed,
            List<PatternAlertRow> patterns, List<PatternAlertRow> reviewedPatterns, List<String> errors);

    public static native TemplateInstance timeline(TimelineView timeline);

    public static native TemplateInstance feeds(List<FeedRow> feeds, List<DeadLetterRow> deadLetters,
            List<DeadLetterRow> replayed, List<String> errors);

    public static native TemplateInstance error(String title, String detail);

    public static native TemplateInstance myRequests(List<RequestRow> requests, List<String> errors, String errorField,
            CorrectionForm correction, List<ReasonOption> categories);

    public static native TemplateInstance requestDecisions(List<RequestRow> directives, List<String> errors);

    public static native TemplateInstance results(ResultsView results);

    public static native TemplateInstance identityReviews(List<IdentityReviewRow> open,
            List<IdentityReviewRow> closed, List<String> errors);

    public static native TemplateInstance audit(AuditSearchView search, List<String> errors);

    public static native TemplateInstance corrections(List<RequestRow> open, List<RequestRow> answered,
            List<String> errors);

    /** What the user typed into the search form, shown back to them. */
    public record FindForm(String nhsNumber, String family, String given, String birthDate, String postcode) {

        static final FindForm EMPTY = new FindForm("", "", "", "", "");
    }

    /** The correction form as the citizen filled it in (or as a link from their record prefilled it). */
    public record CorrectionForm(String organisation, String item, String correction) {

        static final CorrectionForm EMPTY = new CorrectionForm("", "", "");
    }

    /** One break-glass reason in the list: its code and how the form words it. */
    public record ReasonOption(String code, String label, boolean selected) {
    }
}
