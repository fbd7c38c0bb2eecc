package org.kmcr.record.fhir;

import static io.restassured.RestAssured.given;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;

import io.quarkus.test.InjectMock;
import io.restassured.specification.RequestSpecification;
import io.smallrye.mutiny.Uni;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.audit.AuditReceipt;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.Basis;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.consent.Effect;
import org.kmcr.common.consent.ItemRule;
import org.kmcr.common.consent.Obligation;
import org.kmcr.common.consent.ReasonCode;
import org.kmcr.common.consent.Redaction;
import org.kmcr.common.identity.IdentityClient;
import org.kmcr.common.identity.PersonIdentities;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;
import org.kmcr.record.FhirFixtures;

/**
 * A person KMCR holds (two source identities), consent permitting every category unless a test says otherwise,
 * and the audit service committing every event.
 */
abstract class FhirTestBase {

    static final String BASE = "/fhir/r4";
    static final String NHS = "https://fhir.nhs.uk/Id/nhs-number";
    static final String CLINICIAN = TestTokens.user("dr.reed", "clinician", "RKM");

    @InjectMock
    IdentityClient identity;
    @InjectMock
    ConsentClient consent;
    @InjectMock
    AuditClient audit;

    String nhsNumber;
    UUID personId;
    UUID hospital;
    UUID gp;

    @BeforeEach
    void aPersonKmcrHolds() {
        nhsNumber = TestNhsNumbers.next();
        personId = UUID.randomUUID();
        hospital = UUID.randomUUID();
        gp = UUID.randomUUID();
        doReturn(Uni.createFrom().item(new PersonIdentities(personId, nhsNumber, List.of(
                new PersonIdentities.SourceIdentityRef(hospital, "RKM", "partner-rkm-pas", "h1"),
                new PersonIdentities.SourceIdentityRef(gp, "K81001", "partner-k81001", "g1")))))
                .when(identity).findByNhsNumber(nhsNumber);
        doReturn(Uni.createFrom().nullItem()).when(identity).findByNhsNumber(argThat(n -> !nhsNumber.equals(n)));
        decides(permit(List.of(CareCategory.values()), List.of(), List.of()));
        doAnswer(call -> Uni.createFrom().item(new AuditReceipt(call.getArgument(0, AuditEvent.class).id(), 1, "h")))
                .when(audit).record(any());
        doReturn(Uni.createFrom().voidItem()).when(consent).alertPrivacyOfficer(any());
    }

    static AccessDecision permit(List<CareCategory> categories, List<ItemRule> rules, List<Redaction> redactions) {
        return new AccessDecision(Effect.PERMIT, Basis.RELATIONSHIP, "gp-registration", null, "permitted for the test",
                categories, rules, redactions, List.of(Obligation.AUDIT_DISCLOSURE), null);
    }

    static ItemRule rule(String name, ItemRule.Treatment treatment, String... confidentiality) {
        return new ItemRule(name, treatment, null, java.util.Set.of(confidentiality), null, null, null, null, null);
    }

    void decides(AccessDecision decision) {
        doReturn(Uni.createFrom().item(decision)).when(consent).decide(argThat(r -> r.personId() != null));
        doReturn(Uni.createFrom().item(AccessDecision.deny(ReasonCode.NO_RECORD,
                "KMCR holds no record for this NHS number.")))
                .when(consent).decide(argThat(r -> r.personId() == null));
    }

    /** A request as FHIR clients send it: nothing re-encoded by the test client. */
    static RequestSpecification as(String token) {
        return given().urlEncodingEnabled(false).auth().oauth2(token).accept("application/fhir+json");
    }

    String patientParameter() {
        return "patient:identifier=" + NHS + "%7C" + nhsNumber;
    }

    FhirFixtures.Item at(UUID sourceIdentity, String type, String code, String date) {
        return FhirFixtures.of(sourceIdentity, nhsNumber, type, code, date);
    }

    static List<String> categories(CareCategory... categories) {
        return Arrays.stream(categories).map(CareCategory::code).toList();
    }
}
