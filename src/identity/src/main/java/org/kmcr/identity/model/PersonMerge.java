package org.kmcr.identity.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Two persons made one: the merged person's active links were retired and the same source identities linked to
 * the survivor. An unmerge retires the links the merge made and restores those it retired.
 */
@Entity
@Table(name = "person_merge", schema = "identity")
public class PersonMerge {

    public static final String MANUAL = "manual";
    public static final String SOURCE = "source";

    @Id
    public UUID id;
    @Column(name = "merged_person_id")
    public UUID mergedPersonId;
    @Column(name = "surviving_person_id")
    public UUID survivingPersonId;
    public String kind;
    public String reason;
    @Column(name = "merged_by")
    public String mergedBy;
    @Column(name = "merged_at")
    public Instant mergedAt;
    @Column(name = "unmerged_by")
    public String unmergedBy;
    @Column(name = "unmerged_at")
    public Instant unmergedAt;
}
