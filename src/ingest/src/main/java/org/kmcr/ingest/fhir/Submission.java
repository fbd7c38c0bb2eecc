package org.kmcr.ingest.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.kmcr.ingest.mapping.CategoryRules;

/**
 * A message that passed validation, from any feed, as UK Core resources: about one patient (with a valid NHS
 * number), its entries in message order, and what else the message says.
 *
 * @param entries       every entry's resource, in message order (a FHIR bundle: one response entry each)
 * @param patientRefs   the references by which the message's items refer to its Patient
 * @param messageId     the message's own id (bundle id, HL7 v2 MSH-10), or its content hash: the provenance of
 *                      the facts it asserts
 * @param removals      the source's items this message removes (entered in error, deleted, a cancelled event)
 * @param relationships what the message says about the patient's relationship with the sender's organisation
 *                      (an admission, an attendance), passed to consent under its trust rules
 * @param mergedLocalId for a merge (HL7 v2 A34/A40): the sender's local id retired into the patient's; else null
 * @param supportOnly   resource types that only support the items here (a FHIR bundle's Organization or
 *                      Location), answered but not stored
 */
public record Submission(Patient patient, String nhsNumber, List<Resource> entries, List<String> gpPracticeOdsCodes,
        Set<String> patientRefs, String messageId, List<Removal> removals, List<Relationship> relationships,
        String mergedLocalId, Set<String> supportOnly) {

    /** One of the source's items that the message removes, and why. */
    public record Removal(String resourceType, String sourceId, String reason) {
    }

    /** A relationship of the patient with the sending organisation, of a consent kind (admission, encounter). */
    public record Relationship(String kind, LocalDate startedOn, LocalDate endsOn) {
    }

    public Submission {
        entries = List.copyOf(entries);
        gpPracticeOdsCodes = List.copyOf(gpPracticeOdsCodes);
        patientRefs = Set.copyOf(patientRefs);
        removals = List.copyOf(removals);
        relationships = List.copyOf(relationships);
        supportOnly = Set.copyOf(supportOnly);
    }

    /** True when the entry is stored as an item: a type of a record category, not support, not removed. */
    public boolean stores(Resource resource) {
        return CategoryRules.categoryOf(resource).isPresent() && !supportOnly.contains(resource.fhirType())
                && !removes(resource);
    }

    /** True when the message removes this entry's item (a DELETE, entered in error). */
    public boolean removes(Resource resource) {
        return removals.stream().anyMatch(removal -> removal.resourceType().equals(resource.fhirType())
                && removal.sourceId().equals(resource.getIdElement().getIdPart()));
    }
}
