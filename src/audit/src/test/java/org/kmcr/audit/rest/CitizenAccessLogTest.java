package org.kmcr.audit.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.doReturn;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kmcr.auditverifier.AuditExport;
import org.kmcr.auditverifier.VerifierCommand;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;

/**
 * The citizen's access log in plain words, a break-glass access with its reason, and, on request, an inclusion
 * proof per entry that the stand-alone verifier accepts against the signed checkpoint it comes with.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class CitizenAccessLogTest {

    @InjectMock
    ConsentClient consent;

    @BeforeEach
    void consentKnowsThePartners() {
        doReturn(Uni.createFrom().item(Map.of("RKM", "Kingsmere University Hospitals NHS Trust")))
                .when(consent).organisationNames();
    }

    @Test
    void aBreakGlassAccessIsShownInPlainWordsWithItsReasonAndNoPlaceInTheLog() {
        String mine = TestNhsNumbers.next();
        Map<String, Object> event = new HashMap<>(AuditEventResourceTest.event(UUID.randomUUID(), mine,
                "break-glass", "Unconscious in ED, no history available"));
        event.put("occurredAt", "2026-07-01T13:05:00Z");
        AuditEventResourceTest.append(event);

        given().auth().oauth2(TestTokens.patient("mary", mine)).get("/api/me/record-accesses").then()
                .statusCode(200).body("[0].brokeGlass", equalTo(true))
                .body("[0].breakGlassReason", equalTo("Unconscious in ED, no history available"))
                .body("[0].inWords", equalTo("Dr Tom Reed (clinician) at Kingsmere University Hospitals NHS Trust "
                        + "looked at your record on 1 July 2026 at 14:05 for direct care, in an emergency without a "
                        + "care relationship (break glass), giving the reason \"Unconscious in ED, no history "
                        + "available\"; a privacy officer reviews every such access."))
                .body("[0]", not(hasKey("sequence"))).body("[0]", not(hasKey("proof")));
    }

    @Test
    void withProofsEachCoveredEntryCarriesAnInclusionProofTheVerifierAccepts() throws Exception {
        String mine = TestNhsNumbers.next();
        AuditEventResourceTest.append(AuditEventResourceTest.event(UUID.randomUUID(), mine, "relationship", null));
        ChainTamperingTest.takeCheckpoint();
        AuditEventResourceTest.append(AuditEventResourceTest.event(UUID.randomUUID(), mine, "gp-registration", null));

        JsonPath log = given().auth().oauth2(TestTokens.patient("mary", mine)).queryParam("withProofs", true)
                .get("/api/me/record-accesses").then().statusCode(200)
                // the newest access is not yet under a checkpoint: its proof comes with the next one
                .body("[0]", not(hasKey("proof")))
                .body("[0].inWords", org.hamcrest.Matchers.containsString(
                        "because you are registered with their GP practice"))
                .body("[1].proof.treeSize", equalTo(JsonPath.from(given().auth()
                        .oauth2(AuditEventResourceTest.PRIVACY_OFFICER).get("/api/audit-checkpoints/latest")
                        .asString()).getInt("treeSize")))
                .extract().jsonPath();

        Path proof = write(log.getMap("[1].proof"));
        Path checkpoint = write(log.getMap("[1].checkpoint"));
        Path entry = write(log.getMap("[1].entry"));
        assertEquals(0, verify(proof, checkpoint, entry), output);

        Map<String, Object> otherWhen = new HashMap<>(log.getMap("[1].entry"));
        otherWhen.put("occurredAt", Instant.parse((String) otherWhen.get("occurredAt")).minusSeconds(3600).toString());
        assertEquals(1, verify(proof, checkpoint, write(otherWhen)), output);
        assertTrue(output.contains("the entry's fields do not give the hash the proof is for"), output);
    }

    private String output;

    private int verify(Path proof, Path checkpoint, Path entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = VerifierCommand.run(new String[] {"inclusion", proof.toString(), "--checkpoint",
            checkpoint.toString(), "--entry", entry.toString(), "--public-key",
            ConfigProvider.getConfig().getValue("kmcr.audit.checkpoint.public-key", String.class)}, print, print);
        output = out.toString(StandardCharsets.UTF_8);
        return status;
    }

    private static Path write(Object value) throws Exception {
        Path file = Files.createTempFile("citizen", ".json");
        AuditExport.JSON.writeValue(file.toFile(), value);
        return file;
    }
}
