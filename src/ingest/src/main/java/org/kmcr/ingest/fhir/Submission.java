package org.kmcr.ingest.fhir;

import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * A bundle that passed validation: about one patient (with a valid NHS number), its entries in bundle
 * order, and the GP practices the patient is registered with.
 *
 * @param entries     every entry's resource, in bundle order: one response entry each
 * @param patientRefs the references by which the bundle's items refer to its Patient
 * @param messageId   the bundle's own id, or its content hash: the provenance of the facts it asserts
 */
public record Submission(Patient patient, String nhsNumber, List<Resource> entries, List<String> gpPracticeOdsCodes,
        Set<String> patientRefs, String messageId) {

    public Submission {
        entries = List.copyOf(entries);
        gpPracticeOdsCodes = List.copyOf(gpPracticeOdsCodes);
        patientRefs = Set.copyOf(patientRefs);
    }
}
