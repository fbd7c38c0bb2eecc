package org.kmcr.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.kmcr.common.hash.Sha256;
import org.kmcr.ingest.mapping.CategoryRules;
import org.kmcr.ingest.model.Sender;
import org.kmcr.recordmodel.model.CareItem;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.recordmodel.model.SourceStanding;

/** Turns a validated FHIR resource into a care item: its JSON, provenance and index columns. */
@ApplicationScoped
public class ItemMapper {

    static final String CONFIDENTIALITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";

    private final FhirContext fhir;

    ItemMapper(FhirContext fhir) {
        this.fhir = fhir;
    }

    /**
     * The item as stored: only what its category allows. Narrative (text.div) is dropped, since it can say
     * anything; references to the patient lose their display (the patient's name) outside the Patient itself.
     *
     * @param patientRefs the references to the patient whose display is dropped (none for resources KMCR made
     *                    itself without one, such as a bulk row's)
     * @param standing for a Patient, the sender's standing for the person header; ignored for other items
     */
    public CareItem toItem(Resource resource, Sender sender, UUID sourceIdentityId, Instant receivedAt,
            Set<String> patientRefs, SourceStanding standing) {
        Resource stored = resource.copy();
        if (stored instanceof DomainResource domain) {
            domain.setText(null);
        }
        if (!(stored instanceof Patient) && !patientRefs.isEmpty()) {
            fhir.newTerser().getAllPopulatedChildElementsOfType(stored, Reference.class).stream()
                    .filter(reference -> reference.hasReference() && patientRefs.contains(reference.getReference()))
                    .forEach(reference -> reference.setDisplay(null));
        }
        CareItem item = toItem(stored, sender, sourceIdentityId, receivedAt);
        item.sourceStanding = stored instanceof Patient ? standing.code() : null;
        return item;
    }

    private CareItem toItem(Resource resource, Sender sender, UUID sourceIdentityId, Instant receivedAt) {
        String json = fhir.newJsonParser().encodeResourceToString(resource);
        String hash = Sha256.hex(json);
        CareItem item = new CareItem();
        item.id = UUID.randomUUID();
        item.sourceIdentityId = sourceIdentityId;
        item.category = CategoryRules.categoryOf(resource).map(CareCategory::code).orElseThrow();
        item.resourceType = resource.fhirType();
        item.sourceOrg = sender.orgCode();
        item.sourceSystem = sender.system();
        item.sourceId = resource.getIdElement().getIdPart();
        item.sourceVersion = resource.getMeta().hasVersionId() ? resource.getMeta().getVersionId()
                : "sha256:" + hash.substring(0, 16);
        item.contentHash = hash;
        item.receivedAt = receivedAt;
        item.recordedAt = instant(resource.getMeta().getLastUpdated());
        item.sourceUpdatedAt = item.recordedAt;
        item.confidentiality = resource.getMeta().getSecurity().stream()
                .filter(c -> CONFIDENTIALITY_SYSTEM.equals(c.getSystem())).map(Coding::getCode)
                .findFirst().orElse(null);
        item.securityLabels = resource.getMeta().getSecurity().stream()
                .map(c -> c.getSystem() + "|" + c.getCode()).distinct().toArray(String[]::new);
        item.resource = json;
        describe(resource, item);
        return item;
    }

    private static void describe(Resource resource, CareItem item) {
        if (resource instanceof Patient patient) {
            item.status = patient.hasActive() && !patient.getActive() ? "inactive" : "active";
        } else if (resource instanceof AllergyIntolerance allergy) {
            item.status = firstCode(allergy.getClinicalStatus());
            code(allergy.getCode(), item);
            item.effectiveAt = allergy.hasOnsetDateTimeType()
                    ? instant(allergy.getOnsetDateTimeType().getValue()) : instant(allergy.getRecordedDate());
            item.recordedAt = firstNonNull(instant(allergy.getRecordedDate()), item.recordedAt);
        } else if (resource instanceof MedicationStatement medication) {
            item.status = medication.hasStatus() ? medication.getStatus().toCode() : null;
            if (medication.hasMedicationCodeableConcept()) {
                code(medication.getMedicationCodeableConcept(), item);
            }
            item.effectiveAt = medication.hasEffectiveDateTimeType()
                    ? instant(medication.getEffectiveDateTimeType().getValue())
                    : medication.hasEffectivePeriod() ? instant(medication.getEffectivePeriod().getStart())
                    : instant(medication.getDateAsserted());
            item.recordedAt = firstNonNull(instant(medication.getDateAsserted()), item.recordedAt);
        } else if (resource instanceof Condition condition) {
            item.status = firstCode(condition.getClinicalStatus());
            code(condition.getCode(), item);
            item.effectiveAt = condition.hasOnsetDateTimeType()
                    ? instant(condition.getOnsetDateTimeType().getValue()) : instant(condition.getRecordedDate());
            item.recordedAt = firstNonNull(instant(condition.getRecordedDate()), item.recordedAt);
        } else if (resource instanceof Encounter encounter) {
            item.status = encounter.hasStatus() ? encounter.getStatus().toCode() : null;
            item.codeSystem = encounter.getClass_().getSystem();
            item.code = encounter.getClass_().getCode();
            item.display = encounter.getClass_().getDisplay();
            item.effectiveAt = instant(encounter.getPeriod().getStart());
        } else if (resource instanceof Location location) {
            item.status = location.hasStatus() ? location.getStatus().toCode() : null;
            code(location.getTypeFirstRep(), item);
            item.display = location.getName();
            item.effectiveAt = item.recordedAt;
        } else if (resource instanceof DiagnosticReport report) {
            item.status = report.hasStatus() ? report.getStatus().toCode() : null;
            code(report.getCode(), item);
            item.effectiveAt = report.hasEffectiveDateTimeType()
                    ? instant(report.getEffectiveDateTimeType().getValue()) : instant(report.getIssued());
        } else if (resource instanceof Observation observation) {
            item.status = observation.hasStatus() ? observation.getStatus().toCode() : null;
            code(observation.getCode(), item);
            item.effectiveAt = observation.hasEffectiveDateTimeType()
                    ? instant(observation.getEffectiveDateTimeType().getValue()) : instant(observation.getIssued());
        } else if (resource instanceof DocumentReference document) {
            item.status = document.hasStatus() ? document.getStatus().toCode() : null;
            code(document.getType(), item);
            item.effectiveAt = instant(document.getDate());
        }
    }

    private static void code(CodeableConcept concept, CareItem item) {
        if (concept.hasCoding()) {
            Coding coding = concept.getCodingFirstRep();
            item.codeSystem = coding.getSystem();
            item.code = coding.getCode();
            item.display = coding.getDisplay();
        }
        if (concept.hasText()) {
            item.display = concept.getText();
        }
    }

    private static String firstCode(CodeableConcept concept) {
        return concept.hasCoding() ? concept.getCodingFirstRep().getCode() : null;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }
}
