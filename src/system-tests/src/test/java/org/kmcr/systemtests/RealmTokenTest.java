package org.kmcr.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.Keycloak;

/** The shipped realm issues the claims the services rely on: organisation, CIS2-shaped role, audience. */
class RealmTokenTest {

    @Test
    void aStaffTokenCarriesTheOrganisationAndTheCis2ShapedRole() {
        JsonNode claims = Keycloak.claims(SystemUnderTest.KEYCLOAK.login(DemoRegion.GP_CLINICIAN));
        assertEquals(DemoRegion.GP_PRACTICE, claims.path("org_code").asText());
        assertTrue(claims.path("aud").toString().contains("kmcr-api"), claims.path("aud").toString());
        assertEquals("clinician", claims.path("realm_access").path("roles").path(0).asText());
        JsonNode profile = claims.path("nhsid_nrbac_roles").path(0);
        assertEquals(claims.path("selected_roleid").asText(), profile.path("person_roleid").asText());
        assertEquals("S8000:G8000:R8000", profile.path("role_code").asText());
        assertEquals(DemoRegion.GP_PRACTICE, profile.path("org_code").asText());
    }

    @Test
    void aCitizenTokenCarriesTheirNhsNumberAndNoOrganisation() {
        JsonNode claims = Keycloak.claims(SystemUnderTest.KEYCLOAK.login(DemoRegion.CITIZEN));
        assertEquals(DemoRegion.CITIZEN_NHS_NUMBER, claims.path("nhs_number").asText());
        assertTrue(claims.path("org_code").isMissingNode());
        assertEquals("patient", claims.path("realm_access").path("roles").path(0).asText());
    }

    @Test
    void aPartnerSystemIsBoundToItsOrganisation() {
        JsonNode trust = Keycloak.claims(SystemUnderTest.KEYCLOAK.clientCredentials(DemoRegion.TRUST_PAS));
        assertEquals(DemoRegion.TRUST, trust.path("org_code").asText());
        assertEquals("partner-system", trust.path("realm_access").path("roles").path(0).asText());
        JsonNode gp = Keycloak.claims(SystemUnderTest.KEYCLOAK.clientCredentials(DemoRegion.GP_SYSTEM));
        assertEquals(DemoRegion.GP_PRACTICE, gp.path("org_code").asText());
    }
}
