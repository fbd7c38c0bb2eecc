package org.kmcr.consent.mapping;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.consent.model.ConsentDirective;

/**
 * A person's directive as a FHIR R4 Consent: scope patient-privacy; policy rule OPTOUT (objection, restriction) or
 * OPTIN (consent to share); a deny or permit provision whose actors are the recipient organisations (IRCP) and the
 * source organisations (AUT), whose codes are the record categories and whose data are the items; the status
 * proposed while a citizen's request waits for review, active once recorded, rejected or inactive (withdrawn).
 */
@ApplicationScoped
public class ConsentResources {

    public static final String FHIR_JSON = "application/fhir+json";
    static final String CATEGORY_SYSTEM = "https://fhir.kmcr.example/CodeSystem/record-category";
    static final String KIND_SYSTEM = "https://fhir.kmcr.example/CodeSystem/consent-directive-kind";
    static final String REASON_EXTENSION = "https://fhir.kmcr.example/StructureDefinition/consent-directive-reason";
    static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    static final Map<String, Consent.ConsentState> STATES = Map.of(ConsentDirective.REQUESTED,
            Consent.ConsentState.PROPOSED, ConsentDirective.ACTIVE, Consent.ConsentState.ACTIVE,
            ConsentDirective.REJECTED, Consent.ConsentState.REJECTED, ConsentDirective.WITHDRAWN,
            Consent.ConsentState.INACTIVE);

    private final FhirContext fhir;

    ConsentResources(FhirContext fhir) {
        this.fhir = fhir;
    }

    public String toJson(ConsentDirective directive) {
        return fhir.newJsonParser().encodeResourceToString(toConsent(directive));
    }

    /** A searchset Bundle of the directives, its total being their number. */
    public String toBundle(List<ConsentDirective> directives) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(directives.size());
        directives.forEach(d -> bundle.addEntry().setFullUrl("urn:uuid:" + d.id).setResource(toConsent(d)));
        return fhir.newJsonParser().encodeResourceToString(bundle);
    }

    Consent toConsent(ConsentDirective d) {
        Consent consent = new Consent();
        consent.setId(d.id.toString());
        consent.setStatus(STATES.get(d.status));
        consent.setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope",
                "patient-privacy", "Privacy Consent")));
        consent.addCategory(new CodeableConcept(new Coding(KIND_SYSTEM, d.kind, null)));
        consent.setPatient(new Reference().setIdentifier(new Identifier().setSystem(NhsNumber.SYSTEM)
                .setValue(d.nhsNumber)));
        consent.setDateTime(Date.from(d.createdAt));
        consent.addPerformer(new Reference().setDisplay(d.requestedBy));
        if (d.contact != null) {
            consent.addOrganization(new Reference().setDisplay(d.contact));
        }
        boolean permit = "consent-to-share".equals(d.kind);
        consent.setPolicyRule(new CodeableConcept(new Coding(ACT_CODE, permit ? "OPTIN" : "OPTOUT", null)));
        consent.addExtension(REASON_EXTENSION, new StringType(d.reason));
        Consent.ProvisionComponent provision = consent.getProvision()
                .setType(permit ? Consent.ConsentProvisionType.PERMIT : Consent.ConsentProvisionType.DENY);
        ConsentDirective.codes(d.recipientOrgs).stream().sorted().forEach(org -> actor(provision, "IRCP", org));
        ConsentDirective.codes(d.sourceOrgs).stream().sorted().forEach(org -> actor(provision, "AUT", org));
        ConsentDirective.codes(d.categories).stream().sorted()
                .forEach(code -> provision.addCode(new CodeableConcept(new Coding(CATEGORY_SYSTEM, code, null))));
        ConsentDirective.codes(d.itemIds).stream().sorted().forEach(id -> provision.addData()
                .setMeaning(Consent.ConsentDataMeaning.INSTANCE).setReference(new Reference("urn:uuid:" + id)));
        if (d.decidedAt != null) {
            consent.addVerification().setVerified(ConsentDirective.ACTIVE.equals(d.status)
                    || ConsentDirective.WITHDRAWN.equals(d.status))
                    .setVerifiedWith(new Reference().setDisplay(d.decidedBy))
                    .setVerificationDate(Date.from(d.decidedAt));
        }
        return consent;
    }

    private static void actor(Consent.ProvisionComponent provision, String role, String org) {
        provision.addActor().setRole(new CodeableConcept(new Coding(PARTICIPATION, role, null)))
                .setReference(new Reference().setIdentifier(new Identifier().setSystem(ODS_SYSTEM).setValue(org)));
    }
}
