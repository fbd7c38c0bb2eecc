package org.kmcr.ingest.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.kmcr.ingest.TestBundles;
import org.kmcr.ingest.model.Sender;
import org.kmcr.recordmodel.model.CareItem;

class ItemMapperTest {

    static final FhirContext FHIR = FhirContext.forR4();
    final BundleReader reader = new BundleReader(FHIR);
    final ItemMapper mapper = new ItemMapper(FHIR);
    final Sender sender = new Sender("RKM", "partner-rkm-pas");

    Map<String, CareItem> items(String bundle) {
        Submission submission = reader.read(bundle);
        return submission.entries().stream().filter(submission::stores)
                .map(r -> mapper.toItem(r, sender, UUID.randomUUID(), Instant.EPOCH, submission.patientRefs(),
                        org.kmcr.recordmodel.model.SourceStanding.OTHER))
                .collect(Collectors.toMap(i -> i.resourceType, Function.identity()));
    }

    @Test
    void indexesEachItemAndKeepsItsFhirForm() {
        Map<String, CareItem> items = items(TestBundles.summary("9434765919", "p1"));
        CareItem patient = items.get("Patient");
        assertEquals("demographics", patient.category);
        assertEquals("p1", patient.sourceId);
        assertTrue(patient.resource.contains("\"family\":\"Jones\""), patient.resource);
        CareItem allergy = items.get("AllergyIntolerance");
        assertEquals("allergies", allergy.category);
        assertEquals("p1-a1", allergy.sourceId);
        assertEquals("91936005", allergy.code);
        assertEquals("active", allergy.status);
        assertEquals(Instant.parse("2019-06-01T00:00:00Z"), allergy.effectiveAt.atZone(java.time.ZoneOffset.UTC)
                .toLocalDate().atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        assertEquals("active", items.get("MedicationStatement").status);
        assertEquals("Hypertensive disorder", items.get("Condition").display);
        assertEquals("RKM", allergy.sourceOrg);
        assertTrue(allergy.sourceVersion.startsWith("sha256:"));
    }

    @Test
    void theSameContentHashesAlikeAndAChangeDoesNot() {
        CareItem first = items(TestBundles.summary("9434765919", "p1")).get("AllergyIntolerance");
        CareItem again = items(TestBundles.summary("9434765919", "p1")).get("AllergyIntolerance");
        CareItem changed = items(TestBundles.summary("9434765919", "p1", "Penicillin allergy")).get("AllergyIntolerance");
        assertEquals(first.contentHash, again.contentHash);
        assertNotEquals(first.contentHash, changed.contentHash);
    }

    @Test
    void readsTheGpPracticeFromTheRegistration() {
        Submission submission = reader.read(TestBundles.summary("9434765919", "p1"));
        assertEquals(java.util.List.of("K81001"), submission.gpPracticeOdsCodes());
        assertEquals(4, submission.entries().stream().map(Resource::fhirType).distinct().count());
    }
}
