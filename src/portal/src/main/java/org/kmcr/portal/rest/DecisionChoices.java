package org.kmcr.portal.rest;

import io.quarkus.qute.TemplateGlobal;
import java.util.List;
import org.kmcr.portal.model.Choice;

/**
 * The fixed answers of the queues' decision forms ({@code templates/decisionForm.html}), named as the templates call
 * them.
 */
@TemplateGlobal
public final class DecisionChoices {

    public static final List<Choice> accessReviewOutcomes = List.of(new Choice("appropriate", "Appropriate"),
            new Choice("inappropriate", "Inappropriate"));
    public static final List<Choice> patternAlertOutcomes = List.of(new Choice("appropriate", "Appropriate"),
            new Choice("inappropriate", "Inappropriate"), new Choice("referred", "Referred for investigation"));
    public static final List<Choice> directiveDecisions = List.of(new Choice("accept", "Accept"),
            new Choice("reject", "Reject"));
    public static final List<Choice> correctionAnswers = List.of(new Choice("corrected", "Corrected"),
            new Choice("declined", "Not changed"));

    private DecisionChoices() {
    }
}
