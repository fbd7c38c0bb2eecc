package org.kmcr.ingest.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * A bundle that passed validation: about one patient (with a valid NHS number), its entries in bundle
 * order, and the GP practices the patient is registered with.
 *
 * @param entries every entry's resource, in bundle order: one response entry each
 */
public record Submission(Patient patient, String nhsNumber, List<Resource> entries, List<String> gpPracticeOdsCodes) {
}
