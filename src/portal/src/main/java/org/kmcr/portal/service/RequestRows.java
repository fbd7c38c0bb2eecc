package org.kmcr.portal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.kmcr.common.consent.CorrectionRequestView;
import org.kmcr.portal.model.Categories;
import org.kmcr.portal.model.RequestRow;

/**
 * Citizen requests as the pages show them: consent's directives (a FHIR searchset Bundle of Consent resources) and
 * its correction requests, in words, with organisation names.
 */
public final class RequestRows {

    static final String REASON_EXTENSION = "https://fhir.kmcr.example/StructureDefinition/consent-directive-reason";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> DIRECTIVE_STATUS = Map.of("proposed", "requested", "active", "active",
            "rejected", "rejected", "inactive", "withdrawn");
    private static final Map<String, String> STATE = Map.of("requested", "Waiting for a privacy officer's review",
            "active", "Accepted: in force", "rejected", "Not accepted", "withdrawn", "Withdrawn",
            "open", "Sent to the organisation, waiting for its answer", "corrected", "Corrected by the organisation",
            "declined", "Not changed by the organisation");

    private RequestRows() {
    }

    /** The directives of a FHIR searchset Bundle, in its order (newest first). */
    public static List<RequestRow> ofBundle(String bundle, Map<String, String> names, boolean plainEnglish) {
        JsonNode entries;
        try {
            entries = JSON.readTree(bundle).path("entry");
        } catch (java.io.IOException unreadable) {
            throw new IllegalStateException("consent answered a bundle that is not JSON", unreadable);
        }
        List<RequestRow> rows = new ArrayList<>();
        entries.forEach(entry -> rows.add(ofConsent(entry.path("resource"), names, plainEnglish)));
        return rows;
    }

    static RequestRow ofConsent(JsonNode consent, Map<String, String> names, boolean plainEnglish) {
        String kind = consent.path("category").path(0).path("coding").path(0).path("code").asText();
        List<String> categories = StreamSupport.stream(consent.path("provision").path("code").spliterator(), false)
                .map(code -> code.path("coding").path(0).path("code").asText())
                .map(code -> Categories.ORDER.containsKey(code) ? Categories.ORDER.get(code)[plainEnglish ? 1 : 0]
                        : code)
                .toList();
        List<String> recipients = StreamSupport.stream(consent.path("provision").path("actor").spliterator(), false)
                .filter(actor -> "IRCP".equals(actor.path("role").path("coding").path(0).path("code").asText()))
                .map(actor -> SummaryViews.organisation(actor.path("reference").path("identifier").path("value")
                        .asText(), names))
                .toList();
        String reason = StreamSupport.stream(consent.path("extension").spliterator(), false)
                .filter(extension -> REASON_EXTENSION.equals(extension.path("url").asText()))
                .map(extension -> extension.path("valueString").asText()).findFirst().orElse("");
        String status = DIRECTIVE_STATUS.getOrDefault(consent.path("status").asText(), "requested");
        JsonNode verification = consent.path("verification").path(0);
        String answer = verification.isMissingNode() ? ""
                : "Decided on " + day(verification.path("verificationDate").asText());
        return new RequestRow(consent.path("id").asText(), kind,
                consent.path("patient").path("identifier").path("value").asText(), what(kind, categories, recipients),
                reason, day(consent.path("dateTime").asText()), status, STATE.get(status), answer);
    }

    static String what(String kind, List<String> categories, List<String> recipients) {
        if ("objection".equals(kind)) {
            return "Object to sharing my record" + (recipients.isEmpty() ? "" : " with " + String.join(", ", recipients));
        }
        String scope = (categories.isEmpty() ? "" : String.join(", ", categories))
                + (recipients.isEmpty() ? "" : (categories.isEmpty() ? "" : ", ") + "not to be seen by "
                        + String.join(", ", recipients));
        return "Restrict " + (scope.isEmpty() ? "my record" : scope);
    }

    public static RequestRow ofCorrection(CorrectionRequestView request, Map<String, String> names) {
        String status = request.status().code();
        String answer = request.decidedAt() == null ? ""
                : request.decisionNote() + " (" + SummaryViews.organisation(request.decidedByOrg(), names) + ", "
                        + SummaryViews.day(request.decidedAt()) + ")";
        return new RequestRow(request.id().toString(), "correction", request.nhsNumber(),
                "Correct \"" + request.item() + "\" held by " + SummaryViews.organisation(request.sourceOrg(), names),
                request.correction(), SummaryViews.day(request.requestedAt()), status, STATE.get(status), answer);
    }

    private static String day(String dateTime) {
        if (dateTime == null || dateTime.isBlank()) {
            return "";
        }
        try {
            return SummaryViews.day(OffsetDateTime.parse(dateTime).toInstant());
        } catch (java.time.format.DateTimeParseException notADateTime) {
            return SummaryViews.day(Instant.parse(dateTime));
        }
    }
}
