package org.kmcr.systemtests;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.kmcr.systemtests.SystemUnderTest.KEYCLOAK;
import static org.kmcr.systemtests.SystemUnderTest.as;

import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.ServiceSpec;

/** A clinician finds the person a partner's bundle made, in the MPI, with a real token; the analyst may not. */
class PersonSearchTest {

    @Test
    void aClinicianFindsThePersonIngestMadeAndAnAnalystIsRefused() {
        String nhsNumber = TestNhsNumbers.next();
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE));

        as(ServiceSpec.IDENTITY, KEYCLOAK.login(DemoRegion.GP_CLINICIAN)).queryParam("nhsNumber", nhsNumber)
                .get("/api/person-search").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].family", equalTo("Jones"))
                .body("[0].reasons", hasItem(startsWith("the NHS number is the same")));
        as(ServiceSpec.IDENTITY, KEYCLOAK.login(DemoRegion.ANALYST)).queryParam("nhsNumber", nhsNumber)
                .get("/api/person-search").then().statusCode(403);
    }
}
