package org.kmcr.record.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.Action;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.ItemRule;
import org.kmcr.common.consent.ReasonCode;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestTokens;
import org.kmcr.record.StoredItemBuilder;

/**
 * An analyst's export of one person's record: asked of consent as {@code export} (secondary use), only what it
 * permits, audited before it leaves; refused with consent's reason for a person on the national data opt-out.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class ExportTest extends MockedNeighbours {

    static final String ANALYST = TestTokens.user("an.lyst", "analyst", "QKM");
    static final String CLINICIAN = TestTokens.user("dr.reed", "clinician", "RKM");

    UUID hospital;
    String nhsNumber;

    @BeforeEach
    void aPersonAtTheHospital() {
        hospital = UUID.randomUUID();
        nhsNumber = person(hospital);
    }

    @Test
    void theExportHoldsOnlyThePermittedCategoriesAndItemsAndIsAuditedAsAnExport() {
        UUID condition = StoredItemBuilder.item(hospital, "conditions", "Condition").from("RKM").store();
        UUID hidden = StoredItemBuilder.item(hospital, "conditions", "Condition").from("RKM").store();
        UUID safeguarding = StoredItemBuilder.item(hospital, "safeguarding", "Flag").from("RKM").store();
        // consent's decision for export: never safeguarding; one item hidden by a rule
        permits(List.of(CareCategory.DEMOGRAPHICS, CareCategory.CONDITIONS), List.of(new ItemRule("hide-one",
                ItemRule.Treatment.HIDE, null, null, null, null, java.util.Set.of(hidden), null, null)));

        given().auth().oauth2(ANALYST).get("/api/records/" + nhsNumber + "/export").then().statusCode(200)
                .contentType("application/fhir+json").body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("collection"))
                .body("entry.fullUrl", equalTo(List.of("urn:uuid:" + condition)))
                .body("entry.fullUrl", not(hasItem("urn:uuid:" + safeguarding)));
        verify(consent).decide(argThat(request -> request.action() == Action.EXPORT
                && request.nhsNumber().equals(nhsNumber)));
        verify(audit).record(argThat(event -> event.action().equals("record.export.read")
                && event.purpose().equals("secondary-use") && event.outcome().equals("permitted")
                && event.categories().equals(List.of("conditions"))));
    }

    @Test
    void aPersonOnTheNationalDataOptOutIsNotExportedAndTheRefusalIsAudited() {
        StoredItemBuilder.item(hospital, "conditions", "Condition").from("RKM").store();
        permits(List.of(), List.of());
        doReturn(Uni.createFrom().item(AccessDecision.deny(ReasonCode.OPTED_OUT, "This person has registered a "
                + "national data opt-out: their record is not used for analytics or exports.")))
                .when(consent).decide(argThat(request -> request.personId() != null));

        given().auth().oauth2(ANALYST).get("/api/records/" + nhsNumber + "/export").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("national data opt-out"));
        verify(audit).record(argThat(event -> event.action().equals("record.export.read")
                && event.outcome().equals("denied") && event.categories().isEmpty()));
    }

    @Test
    void onlyAnalystsExport() {
        permits(List.of(CareCategory.CONDITIONS), List.of());
        given().get("/api/records/" + nhsNumber + "/export").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(CLINICIAN).get("/api/records/" + nhsNumber + "/export").then().statusCode(403)
                .contentType("application/problem+json");
        verify(consent, never()).decide(any());
        assertEquals(200, given().auth().oauth2(ANALYST).get("/api/records/" + nhsNumber + "/export")
                .then().extract().statusCode());
    }
}
