package org.kmcr.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmcr.systemtests.SystemUnderTest.CLIENT;
import static org.kmcr.systemtests.SystemUnderTest.KEYCLOAK;
import static org.kmcr.systemtests.SystemUnderTest.STACK;
import static org.kmcr.systemtests.SystemUnderTest.as;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.ServiceSpec;

/**
 * Issue 5, item 4: governance actions are attributed and audited. Changes to partners and relationships, reads of
 * relationship lists, review queues and dead letters all leave an audit entry naming who did it, from their token.
 */
class GovernanceAuditAttackTest {

    /** The audit entries with the given action, newest first, as (actor user, role, organisation, subject). */
    static List<List<String>> entries(String action) throws SQLException {
        try (Connection audit = STACK.database().connectAs("kmcr_audit");
                PreparedStatement query = audit.prepareStatement("SELECT actor_name, actor_role, actor_org, "
                        + "subject_person_id FROM audit.audit_entry WHERE action = ? ORDER BY sequence DESC")) {
            query.setString(1, action);
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet found = query.executeQuery()) {
                while (found.next()) {
                    rows.add(java.util.Arrays.asList(found.getString(1), found.getString(2), found.getString(3),
                            found.getString(4)));
                }
            }
            return rows;
        }
    }

    @Test
    void aPrivacyOfficersChangesAndReadsAreAuditedWithTheOfficerFromTheirToken() throws SQLException {
        String privacyOfficer = KEYCLOAK.login(DemoRegion.PRIVACY_OFFICER);
        String nhsNumber = TestNhsNumbers.next();
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE));
        UUID person = CLIENT.personId(KEYCLOAK.clientCredentials("kmcr-record"), nhsNumber);

        as(ServiceSpec.CONSENT, privacyOfficer).contentType("application/json")
                .body(Map.of("personId", person, "orgCode", DemoRegion.SOCIAL_CARE, "kind", "social-care-allocation",
                        "note", "Allocated by the duty team"))
                .post("/api/relationships").then().statusCode(201);
        as(ServiceSpec.CONSENT, privacyOfficer).queryParam("personId", person).get("/api/relationships").then()
                .statusCode(200);
        as(ServiceSpec.CONSENT, privacyOfficer).get("/api/break-glass-reviews").then().statusCode(200);

        List<String> recorded = entries("consent.relationship.record").get(0);
        assertEquals(List.of("Priya Shah", "privacy-officer", DemoRegion.ICB, person.toString()), recorded);
        assertEquals(person.toString(), entries("consent.relationship.list").get(0).get(3));
        assertEquals("privacy-officer", entries("consent.review.list").get(0).get(1));
        assertTrue(entries("consent.partner.update").size() >= DemoRegion.PARTNERS.size(),
                "registering the demo partners was audited");
    }

    @Test
    void aPartnerReadingItsDeadLettersIsAudited() throws SQLException {
        String trust = KEYCLOAK.clientCredentials(DemoRegion.TRUST_PAS);
        as(ServiceSpec.INGEST, trust).get("/api/dead-letters").then().statusCode(200);
        List<String> read = entries("ingest.dead-letter.list").get(0);
        assertEquals(DemoRegion.TRUST_PAS, read.get(0));
        assertEquals("partner-system", read.get(1));
        assertEquals(DemoRegion.TRUST, read.get(2));
    }
}
