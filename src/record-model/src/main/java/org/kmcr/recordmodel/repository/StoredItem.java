package org.kmcr.recordmodel.repository;

import java.util.UUID;

/** What storing one item did: created it, changed it, or found it already stored as sent. */
public record StoredItem(UUID id, int version, Outcome outcome) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED }
}
