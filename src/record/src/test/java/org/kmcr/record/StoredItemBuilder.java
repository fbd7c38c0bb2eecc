package org.kmcr.record;

import java.time.Instant;
import java.util.UUID;
import org.kmcr.common.testing.KmcrTestEnvironment;

/** Puts one item in the record schema as ingest would, with every column a test may need set. */
public final class StoredItemBuilder {

    private final UUID sourceIdentityId;
    private final String category;
    private final String resourceType;
    private String sourceOrg = "RKM";
    private String sourceSystem = "partner-rkm-pas";
    private String status = "active";
    private String codeSystem = "http://snomed.info/sct";
    private String code;
    private String display;
    private Instant effectiveAt = Instant.parse("2024-01-01T00:00:00Z");
    private Instant receivedAt = Instant.now();
    private String resource;

    private StoredItemBuilder(UUID sourceIdentityId, String category, String resourceType) {
        this.sourceIdentityId = sourceIdentityId;
        this.category = category;
        this.resourceType = resourceType;
        this.resource = "{\"resourceType\":\"" + resourceType + "\"}";
    }

    public static StoredItemBuilder item(UUID sourceIdentityId, String category, String resourceType) {
        return new StoredItemBuilder(sourceIdentityId, category, resourceType);
    }

    public StoredItemBuilder from(String org) {
        this.sourceOrg = org;
        this.sourceSystem = "partner-" + org.toLowerCase();
        return this;
    }

    public StoredItemBuilder coded(String system, String code, String display) {
        this.codeSystem = system;
        this.code = code;
        this.display = display;
        return this;
    }

    public StoredItemBuilder status(String status) {
        this.status = status;
        return this;
    }

    public StoredItemBuilder at(String effectiveAt) {
        this.effectiveAt = effectiveAt == null ? null : Instant.parse(effectiveAt);
        return this;
    }

    public StoredItemBuilder received(Instant receivedAt) {
        this.receivedAt = receivedAt;
        return this;
    }

    public StoredItemBuilder resource(String json) {
        this.resource = json;
        return this;
    }

    /** Stores the item; answers its id. */
    public UUID store() {
        UUID id = UUID.randomUUID();
        KmcrTestEnvironment.database().execute(String.format("""
                INSERT INTO record.care_item (id, source_identity_id, category, resource_type, status, code_system,
                    code, display, effective_at, source_org, source_system, source_id, source_version, content_hash,
                    recorded_at, received_at, updated_at, version, resource)
                VALUES ('%s', '%s', '%s', '%s', %s, %s, %s, %s, %s, '%s', '%s', '%s', '1', 'hash', %s, '%s', now(), 1,
                    '%s'::jsonb)""", id, sourceIdentityId, category, resourceType, literal(status),
                literal(codeSystem), literal(code), literal(display), literal(effectiveAt), sourceOrg, sourceSystem,
                "src-" + id, literal(effectiveAt), receivedAt, resource.replace("'", "''")));
        return id;
    }

    private static String literal(Object value) {
        return value == null ? "NULL" : "'" + value.toString().replace("'", "''") + "'";
    }
}
