package org.kmcr.common.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kmcr.migrations.Migrate;
import org.kmcr.migrations.MigrationResult;

/**
 * The migration step on a freshly bootstrapped database, as every service's tests and the stack use it: each schema
 * migrated by its owner into the history table the services used when they migrated themselves, and the runtime
 * roles left unable to change any schema.
 */
class MigrationStepTest {

    static PostgresDatabase database;
    static List<MigrationResult> firstRun;

    @BeforeAll
    static void migrate() {
        database = PostgresDatabase.create("kmcr_migtest");
        firstRun = Migrate.all(database.jdbcUrl(), Map.of());
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @Test
    void everySchemaIsMigratedIntoTheHistoryTheServicesUsed() throws SQLException {
        for (MigrationResult result : firstRun) {
            String history = result.owner().schemas().get(0) + ".flyway_schema_history";
            assertTrue(result.applied() > 0, result.toString());
            assertEquals(List.of(result.versionAfter()), column("SELECT version FROM " + history
                    + " WHERE success ORDER BY installed_rank DESC LIMIT 1"), history);
            assertEquals(List.of(), column("SELECT version FROM " + history + " WHERE NOT success"), history);
        }
        // record's and ingest's folders share ingest's history, numbered across both
        List<String> ingestScripts = column("SELECT script FROM ingest.flyway_schema_history ORDER BY installed_rank");
        assertTrue(ingestScripts.containsAll(List.of("V1__care_item.sql", "V2__dead_letter.sql")),
                ingestScripts.toString());
    }

    @Test
    void theTablesBelongToTheSchemaOwners() throws SQLException {
        assertEquals(List.of("audit|kmcr_audit_owner", "consent|kmcr_consent_owner", "identity|kmcr_identity_owner",
                "ingest|kmcr_ingest_owner", "record|kmcr_ingest_owner"), column("""
                SELECT DISTINCT schemaname || '|' || tableowner FROM pg_tables
                WHERE schemaname IN ('ingest', 'record', 'identity', 'consent', 'audit') ORDER BY 1"""));
    }

    @Test
    void runningTheStepAgainChangesNothing() {
        List<MigrationResult> again = Migrate.all(database.jdbcUrl(), Map.of());
        assertTrue(again.stream().allMatch(result -> result.applied() == 0), again.toString());
        for (int owner = 0; owner < again.size(); owner++) {
            assertEquals(firstRun.get(owner).versionAfter(), again.get(owner).versionBefore());
            assertEquals(firstRun.get(owner).versionAfter(), again.get(owner).versionAfter());
        }
    }

    @Test
    void noRuntimeRoleCanChangeASchema() throws SQLException {
        Map<String, String> schemaOfRole = Map.of("kmcr_ingest", "ingest", "kmcr_record", "record",
                "kmcr_identity", "identity", "kmcr_consent", "consent", "kmcr_audit", "audit");
        for (var entry : schemaOfRole.entrySet()) {
            try (Connection c = database.connectAs(entry.getKey()); Statement st = c.createStatement()) {
                SQLException refused = assertThrows(SQLException.class,
                        () -> st.execute("CREATE TABLE " + entry.getValue() + ".planted (id int)"), entry.getKey());
                assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
            }
        }
        try (Connection c = database.connectAs("kmcr_audit"); Statement st = c.createStatement()) {
            assertThrows(SQLException.class, () -> st.execute("DROP TABLE audit.flyway_schema_history"));
        }
    }

    private static List<String> column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = database.connectAs("postgres"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
