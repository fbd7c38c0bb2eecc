package org.kmcr.recordmodel.repository;

import java.util.UUID;

/**
 * What storing one item did: created it, changed it, found it already stored as sent, found a newer version
 * stored (by the source's own time; nothing changed), or found the source's id already used for another patient
 * (nothing stored).
 */
public record StoredItem(UUID id, int version, Outcome outcome) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, OLDER_THAN_STORED, HELD_FOR_ANOTHER_PATIENT }
}
