package org.kmcr.recordmodel.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * One item of a person's care record as its source holds it: the FHIR resource (JSON, as received) with its
 * provenance and the index columns that queries need.
 */
@Entity
@Table(name = "care_item", schema = "record")
public class CareItem {

    @Id
    public UUID id;
    @Column(name = "source_identity_id")
    public UUID sourceIdentityId;
    /** One of {@link org.kmcr.common.consent.CareCategory}'s codes. */
    public String category;
    @Column(name = "resource_type")
    public String resourceType;
    public String status;
    @Column(name = "code_system")
    public String codeSystem;
    public String code;
    public String display;
    /** When the item happened or started, as the source says (onset, recorded date, effective period). */
    @Column(name = "effective_at")
    public Instant effectiveAt;
    /** The source's confidentiality mark (meta.security), when it sends one. */
    public String confidentiality;
    /** Every meta.security coding the source sent, as {@code system|code}; empty when it sent none. */
    @Column(name = "security_labels")
    public String[] securityLabels = new String[0];
    /** ODS code of the organisation that sent the item (from its token). */
    @Column(name = "source_org")
    public String sourceOrg;
    /** For a Patient: the sender's {@link SourceStanding} code, which orders sources for the person header. */
    @Column(name = "source_standing")
    public String sourceStanding;
    /** The sending system (its OAuth2 client id). */
    @Column(name = "source_system")
    public String sourceSystem;
    /** The source's own id for the item. */
    @Column(name = "source_id")
    public String sourceId;
    /** The source's version of the item (meta.versionId, or the content hash when it sends none). */
    @Column(name = "source_version")
    public String sourceVersion;
    @Column(name = "content_hash")
    public String contentHash;
    /** When the source recorded it. */
    @Column(name = "recorded_at")
    public Instant recordedAt;
    /**
     * The source's own time for this version (FHIR meta.lastUpdated, HL7 v2 EVN-2 or MSH-7): an older delivery
     * never overwrites a newer one. Null when the source gives none.
     */
    @Column(name = "source_updated_at")
    public Instant sourceUpdatedAt;
    /** When KMCR received the current version. */
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** KMCR's version of this item: 1 when first stored, one more at each change. */
    public int version;
    /** The FHIR resource as stored (jsonb), read and written as text so it is streamed, not re-serialised. */
    @ColumnTransformer(read = "resource::text", write = "CAST(CAST(? AS text) AS jsonb)")
    public String resource;
}
