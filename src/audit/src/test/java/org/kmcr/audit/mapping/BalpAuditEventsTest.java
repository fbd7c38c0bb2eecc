package org.kmcr.audit.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kmcr.audit.model.AuditEntry;

/** Each kind of audit entry in its IHE BALP shape: profile, interaction, action code, agents and patient. */
class BalpAuditEventsTest {

    static final String BALP = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.";

    static AuditEntry entry(String action, String nhsNumber) {
        AuditEntry e = new AuditEntry();
        e.sequence = 7;
        e.eventId = UUID.randomUUID();
        e.occurredAt = Instant.parse("2026-12-01T09:00:00Z");
        e.recordedAt = Instant.parse("2026-12-01T09:00:00.010Z");
        e.action = action;
        e.outcome = "permitted";
        e.actorUserId = "u-1";
        e.actorName = "Dr Tom Reed";
        e.actorRole = "clinician";
        e.actorOrg = "RKM";
        e.actorRoleCode = "R8000";
        e.actorClient = "kmcr-portal";
        e.purpose = "direct-care";
        e.accessBasis = "gp-registration";
        e.subjectNhsNumber = nhsNumber;
        e.categories = nhsNumber == null ? null : "allergies,medications";
        e.hash = "ab".repeat(32);
        return e;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "record.summary.read,         PatientRead,   read,        R",
        "audit.search,                PatientQuery,  search-type, E",
        "consent.relationship.list,   PatientQuery,  search-type, E",
        "consent.relationship.record, PatientCreate, create,      C",
        "consent.relationship.end,    PatientUpdate, update,      U",
        "identity.link-review.decide, PatientUpdate, update,      U",
        "ingest.item.delete,          PatientDelete, delete,      D"})
    void aDisclosureAboutAPatientHasThePatientShape(String action, String profile, String interaction,
            String code) {
        AuditEvent event = BalpAuditEvents.of(entry(action, "9434765919"));
        assertEquals(BALP + profile, event.getMeta().getProfile().get(0).getValue());
        assertEquals("rest", event.getType().getCode());
        assertEquals(interaction, event.getSubtypeFirstRep().getCode());
        assertEquals(AuditEventAction.valueOf(code), event.getAction());
        assertEquals("0", event.getOutcome().toCode());
        AuditEvent.AuditEventAgentComponent user = event.getAgentFirstRep();
        assertTrue(user.getRequestor());
        assertEquals("u-1", user.getWho().getIdentifier().getValue());
        assertEquals("TREAT", event.getPurposeOfEventFirstRep().getCodingFirstRep().getCode());
        AuditEvent.AuditEventEntityComponent patient = event.getEntity().get(0);
        assertEquals("1", patient.getRole().getCode());
        assertEquals("https://fhir.nhs.uk/Id/nhs-number", patient.getWhat().getIdentifier().getSystem());
        assertEquals("9434765919", patient.getWhat().getIdentifier().getValue());
        assertTrue(event.getAgent().stream().anyMatch(a -> "110152".equals(a.getType().getCodingFirstRep().getCode())),
                "the server agent");
        assertTrue(event.getAgent().stream().anyMatch(a -> "110153".equals(a.getType().getCodingFirstRep().getCode())),
                "the client agent");
    }

    @Test
    void anActionAboutNoPatientHasTheBasicShapeAndNoPatientEntity() {
        AuditEvent event = BalpAuditEvents.of(entry("audit.verify", null));
        assertEquals(BALP + "Read", event.getMeta().getProfile().get(0).getValue());
        assertTrue(event.getEntity().isEmpty());
    }

    @Test
    void breakGlassIsEmergencyTreatmentWithItsReasonAndARefusalIsAFailure() {
        AuditEntry e = entry("record.summary.read", "9434765919");
        e.accessBasis = "break-glass";
        e.breakGlassReason = "Unconscious in ED";
        e.outcome = "denied";
        AuditEvent event = BalpAuditEvents.of(e);
        assertEquals("ETREAT", event.getPurposeOfEventFirstRep().getCodingFirstRep().getCode());
        assertEquals("Unconscious in ED", event.getPurposeOfEventFirstRep().getText());
        assertEquals("4", event.getOutcome().toCode());
        String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(event);
        assertTrue(json.contains("\"resourceType\":\"AuditEvent\""), json);
    }
}
