package org.kmcr.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.kmcr.recordmodel.repository.StoredItem;

/** The FHIR transaction-response: one entry per submitted entry, in order, saying what storing it did. */
@ApplicationScoped
public class TransactionResponse {

    private final FhirContext fhir;

    TransactionResponse(FhirContext fhir) {
        this.fhir = fhir;
    }

    /**
     * @param stored          what happened to each stored entry, in order; supporting entries get 200 OK, removed
     *                        ones (DELETE, entered in error) 204 No Content
     * @param patientWarnings what the sender should know about its Patient entry (a GP registration kept as
     *                        unverified, a link waiting for review), as warnings in that entry's outcome
     */
    public String of(Submission submission, List<StoredItem> stored, List<String> patientWarnings) {
        Bundle response = new Bundle().setType(BundleType.TRANSACTIONRESPONSE);
        Iterator<StoredItem> results = stored.iterator();
        for (Resource resource : submission.entries()) {
            Bundle.BundleEntryResponseComponent entry = response.addEntry().getResponse();
            if (!submission.stores(resource)) {
                entry.setStatus(submission.removes(resource) ? "204 No Content" : "200 OK");
                continue;
            }
            StoredItem item = results.next();
            entry.setStatus(item.outcome() == StoredItem.Outcome.CREATED ? "201 Created" : "200 OK")
                    .setLocation(resource.fhirType() + "/" + item.id() + "/_history/" + item.version())
                    .setEtag("W/\"" + item.version() + "\"");
            if (resource instanceof Patient && !patientWarnings.isEmpty()) {
                entry.setOutcome(warnings(patientWarnings));
            }
        }
        return fhir.newJsonParser().encodeResourceToString(response);
    }

    private static OperationOutcome warnings(List<String> diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        diagnostics.forEach(text -> outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.WARNING)
                .setCode(OperationOutcome.IssueType.BUSINESSRULE).setDiagnostics(text));
        return outcome;
    }
}
