package org.kmcr.migrations;

import java.util.List;
import java.util.Map;

/**
 * The owner roles of KMCR's schemas (created by {@code k8s/postgres/bootstrap.sql}) and what each one migrates:
 * its schemas, the migration folders, and the runtime roles its migrations grant privileges to. The first schema
 * listed holds the Flyway history table ({@code <schema>.flyway_schema_history}).
 */
public enum SchemaOwner {

    /** {@code record} and {@code ingest} share one history; versions are numbered across both folders. */
    INGEST("kmcr_ingest_owner", List.of("ingest", "record"), List.of("db/record", "db/ingest"),
            Map.of("runtime_role", "kmcr_ingest", "reader_role", "kmcr_record")),
    IDENTITY("kmcr_identity_owner", List.of("identity"), List.of("db/identity"),
            Map.of("runtime_role", "kmcr_identity")),
    CONSENT("kmcr_consent_owner", List.of("consent"), List.of("db/consent"),
            Map.of("runtime_role", "kmcr_consent")),
    AUDIT("kmcr_audit_owner", List.of("audit"), List.of("db/audit"),
            Map.of("runtime_role", "kmcr_audit"));

    private final String role;
    private final List<String> schemas;
    private final List<String> locations;
    private final Map<String, String> placeholders;

    SchemaOwner(String role, List<String> schemas, List<String> locations, Map<String, String> placeholders) {
        this.role = role;
        this.schemas = schemas;
        this.locations = locations;
        this.placeholders = placeholders;
    }

    /** The database role that owns the schemas and runs their migrations. */
    public String role() {
        return role;
    }

    public List<String> schemas() {
        return schemas;
    }

    /** Classpath folders of the migrations, in this module's resources. */
    public List<String> locations() {
        return locations;
    }

    /** Flyway placeholders: the runtime roles the migrations grant to. */
    public Map<String, String> placeholders() {
        return placeholders;
    }

    /** The environment variable holding this owner's password for the migration job, e.g. KMCR_INGEST_OWNER_PASSWORD. */
    public String passwordVariable() {
        return "KMCR_" + name() + "_OWNER_PASSWORD";
    }
}
