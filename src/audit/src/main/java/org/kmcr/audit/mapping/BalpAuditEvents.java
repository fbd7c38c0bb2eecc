package org.kmcr.audit.mapping;

import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.kmcr.audit.model.AuditEntry;
import org.kmcr.common.consent.AccessDecision;

/**
 * Audit entries as FHIR R4 {@code AuditEvent}s in the shapes of IHE Basic Audit Log Patterns (BALP 1.1): a RESTful
 * interaction (read, search, create, update, delete) by a user through a client, observed by the KMCR audit
 * service, about a patient when there is one. A pure function.
 */
public final class BalpAuditEvents {

    public static final String MEDIA_TYPE = "application/fhir+json";
    static final String BALP = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.";
    static final String AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";
    static final String PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String OBJECT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";
    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String KMCR_ACTION = "urn:kmcr:audit-action";
    static final String KMCR_USER = "urn:kmcr:user";

    /** A BALP interaction: its profile name (without the Patient prefix), its FHIR interaction and action code. */
    enum Interaction {
        READ("Read", "read", AuditEventAction.R),
        QUERY("Query", "search-type", AuditEventAction.E),
        CREATE("Create", "create", AuditEventAction.C),
        UPDATE("Update", "update", AuditEventAction.U),
        DELETE("Delete", "delete", AuditEventAction.D);

        final String profile;
        final String code;
        final AuditEventAction action;

        Interaction(String profile, String code, AuditEventAction action) {
            this.profile = profile;
            this.code = code;
            this.action = action;
        }

        /** From the last word of a KMCR action ({@code record.summary.read}, {@code consent.review.list}, ...). */
        static Interaction of(String action) {
            String verb = action.substring(action.lastIndexOf('.') + 1);
            return switch (verb) {
                case "read", "verify" -> READ;
                case "list", "search", "query", "export" -> QUERY;
                case "create", "record", "assert", "checkpoint" -> CREATE;
                case "delete", "remove", "erase" -> DELETE;
                default -> UPDATE;
            };
        }
    }

    private BalpAuditEvents() {
    }

    /** A {@code searchset} Bundle of the entries, with the exact number of matches as its total. */
    public static Bundle bundle(List<AuditEntry> entries, long total) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal((int) Math.min(total, Integer.MAX_VALUE));
        entries.forEach(e -> bundle.addEntry().setFullUrl("urn:uuid:" + e.eventId).setResource(of(e))
                .getSearch().setMode(Bundle.SearchEntryMode.MATCH));
        return bundle;
    }

    public static AuditEvent of(AuditEntry e) {
        Interaction interaction = Interaction.of(e.action);
        boolean aboutPatient = e.subjectNhsNumber != null || e.subjectPersonId != null;
        AuditEvent event = new AuditEvent();
        event.setId(e.eventId.toString());
        event.getMeta().addProfile(BALP + (aboutPatient ? "Patient" : "") + interaction.profile);
        event.setType(new Coding(AUDIT_EVENT_TYPE, "rest", "Restful Operation"));
        event.addSubtype(new Coding(RESTFUL_INTERACTION, interaction.code, null));
        event.addSubtype(new Coding(KMCR_ACTION, e.action, null));
        event.setAction(interaction.action);
        event.setPeriod(new Period().setStart(Date.from(e.occurredAt)).setEnd(Date.from(e.occurredAt)));
        event.setRecorded(Date.from(e.recordedAt));
        event.setOutcome("permitted".equals(e.outcome) ? AuditEventOutcome._0 : AuditEventOutcome._4);
        event.setOutcomeDesc(e.outcome);
        CodeableConcept purpose = purpose(e);
        event.addPurposeOfEvent(purpose);

        AuditEvent.AuditEventAgentComponent user = event.addAgent().setRequestor(true)
                .setType(new CodeableConcept(new Coding(PARTICIPATION, "IRCP", "information recipient")))
                .setWho(new Reference().setIdentifier(new Identifier().setSystem(KMCR_USER).setValue(e.actorUserId))
                        .setDisplay(e.actorName))
                .setName(e.actorName);
        user.addPurposeOfUse(purpose);
        if (e.actorRoleCode != null || e.actorRole != null) {
            user.addRole(new CodeableConcept().setText(e.actorRole)
                    .addCoding(new Coding("https://fhir.nhs.uk/CodeSystem/NHSJobRoleCode", e.actorRoleCode, null)));
        }
        if (e.actorOrg != null) {
            user.getWho().setType("Practitioner");
            event.addAgent().setRequestor(false)
                    .setType(new CodeableConcept(new Coding(PARTICIPATION, "PROV", "healthcare provider")))
                    .setWho(new Reference().setIdentifier(new Identifier().setSystem(ODS).setValue(e.actorOrg)));
        }
        if (e.actorClient != null) {
            event.addAgent().setRequestor(false)
                    .setType(new CodeableConcept(new Coding(DICOM, "110153", "Source Role ID")))
                    .setWho(new Reference().setDisplay(e.actorClient));
        }
        event.addAgent().setRequestor(false)
                .setType(new CodeableConcept(new Coding(DICOM, "110152", "Destination Role ID")))
                .setWho(new Reference().setDisplay("KMCR"));
        event.getSource().setSite("KMCR").setObserver(new Reference().setDisplay("kmcr-audit"))
                .addType(new Coding(SOURCE_TYPE, "4", "Application Server"));

        if (aboutPatient) {
            Reference patient = new Reference().setType("Patient");
            if (e.subjectNhsNumber != null) {
                patient.setIdentifier(new Identifier().setSystem(NHS_NUMBER).setValue(e.subjectNhsNumber));
            } else {
                patient.setIdentifier(new Identifier().setSystem("urn:kmcr:person").setValue(e.subjectPersonId.toString()));
            }
            event.addEntity().setWhat(patient).setType(new Coding(OBJECT_TYPE, "1", "Person"))
                    .setRole(new Coding(OBJECT_ROLE, "1", "Patient"));
        }
        if (e.categories != null && !e.categories.isEmpty()) {
            event.addEntity().setType(new Coding(OBJECT_TYPE, "2", "System Object"))
                    .setRole(new Coding(OBJECT_ROLE, "4", "Domain Resource"))
                    .setDescription("record categories: " + e.categories);
        }
        return event;
    }

    private static CodeableConcept purpose(AuditEntry e) {
        if (AccessDecision.BREAK_GLASS.equals(e.accessBasis)) {
            return new CodeableConcept(new Coding(ACT_REASON, "ETREAT", "emergency treatment"))
                    .setText(e.breakGlassReason);
        }
        if ("direct-care".equals(e.purpose)) {
            return new CodeableConcept(new Coding(ACT_REASON, "TREAT", "treatment"));
        }
        return new CodeableConcept().setText(e.purpose);
    }
}
