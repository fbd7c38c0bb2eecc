package org.kmcr.identity.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person: the set of source identities actively linked to it. Created by matching, never by hand; merged away, it points at the survivor. */
@Entity
@Table(name = "person", schema = "identity")
public class Person {

    @Id
    public UUID id;
    @Column(name = "nhs_number")
    public String nhsNumber;
    @Column(name = "created_at")
    public Instant createdAt;
    /** The person this one was merged into; null unless merged away. */
    @Column(name = "merged_into")
    public UUID mergedInto;
}
