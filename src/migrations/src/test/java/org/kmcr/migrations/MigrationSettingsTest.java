package org.kmcr.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The migration job is configured by its environment only, as a Kubernetes Job is. */
class MigrationSettingsTest {

    @Test
    void withNothingSetItMigratesTheLocalDatabaseWithoutPasswords() {
        MigrationSettings settings = MigrationSettings.fromEnvironment(Map.of());
        assertEquals("jdbc:postgresql://localhost:5432/kmcr", settings.jdbcUrl());
        for (SchemaOwner owner : SchemaOwner.values()) {
            assertEquals("", settings.passwordOf(owner));
        }
    }

    @Test
    void theDatabaseIsNamedByTheVariablesTheServicesRead() {
        MigrationSettings settings = MigrationSettings.fromEnvironment(Map.of(
                "KMCR_DB_HOST", "db.internal", "KMCR_DB_PORT", "6432", "KMCR_DB_NAME", "kmcr_prod"));
        assertEquals("jdbc:postgresql://db.internal:6432/kmcr_prod", settings.jdbcUrl());
    }

    @Test
    void aJdbcUrlWinsOverHostPortAndName() {
        MigrationSettings settings = MigrationSettings.fromEnvironment(Map.of(
                "KMCR_DB_URL", "jdbc:postgresql://db.internal/kmcr?sslmode=verify-full", "KMCR_DB_HOST", "ignored"));
        assertEquals("jdbc:postgresql://db.internal/kmcr?sslmode=verify-full", settings.jdbcUrl());
        assertEquals("jdbc:postgresql://db.internal/kmcr", settings.printableUrl());
    }

    @Test
    void eachOwnerTakesItsOwnPasswordVariable() {
        MigrationSettings settings = MigrationSettings.fromEnvironment(Map.of(
                "KMCR_INGEST_OWNER_PASSWORD", "i-secret", "KMCR_AUDIT_OWNER_PASSWORD", "a-secret",
                "KMCR_CONSENT_OWNER_PASSWORD", ""));
        assertEquals("i-secret", settings.passwordOf(SchemaOwner.INGEST));
        assertEquals("a-secret", settings.passwordOf(SchemaOwner.AUDIT));
        assertEquals("", settings.passwordOf(SchemaOwner.CONSENT));
        assertEquals("", settings.passwordOf(SchemaOwner.IDENTITY));
        assertEquals(List.of("KMCR_INGEST_OWNER_PASSWORD", "KMCR_IDENTITY_OWNER_PASSWORD",
                "KMCR_CONSENT_OWNER_PASSWORD", "KMCR_AUDIT_OWNER_PASSWORD"),
                List.of(SchemaOwner.values()).stream().map(SchemaOwner::passwordVariable).toList());
    }

    @Test
    void passwordsNeverAppearInWhatIsPrinted() {
        MigrationSettings settings = MigrationSettings.fromEnvironment(Map.of(
                "KMCR_DB_URL", "jdbc:postgresql://db/kmcr?password=url-secret", "KMCR_IDENTITY_OWNER_PASSWORD", "p-secret"));
        assertFalse(settings.toString().contains("secret"), settings.toString());
        assertTrue(settings.toString().contains("IDENTITY"), settings.toString());
    }

    @Test
    void anythingButAPostgresqlJdbcUrlIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> MigrationSettings.fromEnvironment(Map.of("KMCR_DB_URL", "postgresql://db/kmcr")));
        assertTrue(refused.getMessage().contains("KMCR_DB_URL"), refused.getMessage());
    }
}
