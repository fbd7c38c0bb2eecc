package org.kmcr.audit.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.kmcr.audit.service.AuditClock;
import org.kmcr.auditverifier.VerifierCommand;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.migrations.AuditRetention;
import org.kmcr.migrations.MigrationSettings;

/**
 * Retention on a log of its own (a fresh database): entries recorded in an old month, a month-boundary checkpoint
 * signed by the service, the retention job dropping that month as the owner, and what remains still verifying,
 * in the service and in the stand-alone verifier. The runtime role can drop nothing.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
@TestProfile(RetentionTest.OwnLog.class)
class RetentionTest {

    /** A profile of its own, so that this test gets a database of its own. */
    public static class OwnLog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kmcr.audit.append.max-batch", "500");
        }
    }

    static final Instant LONG_AGO = Instant.parse("2025-01-15T10:00:00Z");

    @Test
    void aMonthPastRetentionIsDroppedAtItsSignedBoundaryAndWhatRemainsStillVerifies() throws Exception {
        QuarkusMock.installMockForType(new AuditClock() {
            @Override
            public Instant now() {
                return LONG_AGO;
            }
        }, AuditClock.class);
        for (int i = 0; i < 3; i++) {
            ChainTamperingTest.appendEvent();
        }
        QuarkusMock.installMockForType(new AuditClock(), AuditClock.class);
        ChainTamperingTest.appendEvent();
        MigrationSettings owner = new MigrationSettings(KmcrTestEnvironment.database().jdbcUrl(), Map.of());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        // no checkpoint signs the old month's last entry yet: the month is kept
        AuditRetention.Result refused = AuditRetention.run(owner, 12, today);
        assertEquals(List.of(), refused.dropped());
        assertEquals("audit_entry_2025_01 is kept until a checkpoint signs its last entry 3 (the audit service "
                + "signs one at each month boundary)", refused.waiting());

        // the next checkpoint also signs the month boundary: the last entry recorded before this month
        ChainTamperingTest.takeCheckpoint();
        given().auth().oauth2(AuditEventResourceTest.PRIVACY_OFFICER).get("/api/audit-checkpoints/3").then()
                .statusCode(200).body("verified", equalTo(true)).body("rootHash", notNullValue());

        AuditRetention.Result dropped = AuditRetention.run(owner, 12, today);
        assertEquals(List.of("audit_entry_2025_01"), dropped.dropped());
        assertEquals(0, count("SELECT count(*) FROM audit.audit_entry WHERE sequence <= 3"));

        ChainTamperingTest.verification().body("valid", equalTo(true));
        long appended = ChainTamperingTest.appendEvent();
        assertTrue(appended > 4);
        ChainTamperingTest.takeCheckpoint();
        String export = given().auth().oauth2(AuditEventResourceTest.PRIVACY_OFFICER).get("/api/audit-export")
                .then().statusCode(200).extract().asString();
        assertTrue(export.lines().findFirst().orElseThrow().contains("\"firstSequence\":4"), export);
        Path file = Files.createTempFile("retained", ".ndjson");
        Files.writeString(file, export);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = VerifierCommand.run(new String[] {"log", file.toString(), "--public-key",
            ConfigProvider.getConfig().getValue("kmcr.audit.checkpoint.public-key", String.class)}, print, print);
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));

        try (Connection runtime = KmcrTestEnvironment.database().connectAs("kmcr_audit")) {
            String month = "audit.audit_entry_" + today.format(AuditRetention.SUFFIX_FORMAT);
            SQLException refusedDrop = assertThrows(SQLException.class,
                    () -> runtime.createStatement().execute("DROP TABLE " + month));
            assertTrue(refusedDrop.getMessage().contains("must be owner"), refusedDrop.getMessage());
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = KmcrTestEnvironment.database().connectAs("postgres");
                var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
