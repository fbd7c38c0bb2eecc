package org.kmcr.portal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.common.consent.CorrectionRequestView;
import org.kmcr.common.consent.CorrectionStatus;
import org.kmcr.portal.model.RequestRow;

class RequestRowsTest {

    static final Map<String, String> NAMES = Map.of("RKM", "Kingsmere Hospitals NHS Trust",
            "K81001", "Kingsmere Medical Centre");

    /** Consent's answer as its ConsentResources writes it (HAPI's JSON of a searchset Bundle). */
    static String bundle(String status, String kind, String categories, String actors, String verification) {
        return """
                {"resourceType":"Bundle","type":"searchset","total":1,"entry":[{"fullUrl":"urn:uuid:1","resource":{
                "resourceType":"Consent","id":"0d6f7c8e-3d0c-4a61-9d8e-1f2a3b4c5d6e",
                "extension":[{"url":"https://fhir.kmcr.example/StructureDefinition/consent-directive-reason",
                "valueString":"My neighbour works there"}],
                "status":"%s","scope":{"coding":[{"code":"patient-privacy"}]},
                "category":[{"coding":[{"system":"https://fhir.kmcr.example/CodeSystem/consent-directive-kind",
                "code":"%s"}]}],
                "patient":{"identifier":{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9990000018"}},
                "dateTime":"2026-11-30T10:15:00+00:00",
                %s
                "provision":{"type":"deny","actor":[%s],"code":[%s]}}}]}
                """.formatted(status, kind, verification, actors, categories);
    }

    @Test
    void aRestrictionOfACategoryFromAnOrganisationReadsAsTheCitizenWouldSayIt() {
        List<RequestRow> rows = RequestRows.ofBundle(bundle("proposed", "restriction",
                "{\"coding\":[{\"code\":\"mental-health\"}]}",
                "{\"role\":{\"coding\":[{\"code\":\"IRCP\"}]},\"reference\":{\"identifier\":{\"value\":\"RKM\"}}}", ""),
                NAMES, true);
        assertEquals(1, rows.size());
        RequestRow row = rows.get(0);
        assertEquals("Restrict Mental health care, not to be seen by Kingsmere Hospitals NHS Trust (RKM)", row.what());
        assertEquals("requested", row.status());
        assertTrue(row.isWaiting());
        assertEquals("Waiting for a privacy officer's review", row.state());
        assertEquals("My neighbour works there", row.reason());
        assertEquals("9990000018", row.nhsNumber());
        assertEquals("30 November 2026", row.when());
        assertEquals("", row.answer());
    }

    @Test
    void anAcceptedObjectionIsInForceWithTheDayItWasDecided() {
        RequestRow row = RequestRows.ofBundle(bundle("active", "objection", "", "",
                "\"verification\":[{\"verified\":true,\"verificationDate\":\"2026-12-01T09:00:00+00:00\"}],"),
                NAMES, true).get(0);
        assertEquals("Object to sharing my record", row.what());
        assertEquals("active", row.status());
        assertFalse(row.isWaiting());
        assertEquals("Accepted: in force", row.state());
        assertEquals("Decided on 1 December 2026", row.answer());
    }

    @Test
    void aDeclinedCorrectionShowsTheOrganisationsAnswer() {
        RequestRow row = RequestRows.ofCorrection(new CorrectionRequestView(UUID.randomUUID(), "9990000018", "K81001",
                "Allergy to penicillin", "I am not allergic", CorrectionStatus.DECLINED,
                Instant.parse("2026-11-29T12:00:00Z"), Instant.parse("2026-11-30T12:00:00Z"),
                "Recorded after a reaction in 2019", "K81001"), NAMES);
        assertEquals("Correct \"Allergy to penicillin\" held by Kingsmere Medical Centre (K81001)", row.what());
        assertEquals("Not changed by the organisation", row.state());
        assertEquals("Recorded after a reaction in 2019 (Kingsmere Medical Centre (K81001), 30 November 2026)",
                row.answer());
    }
}
