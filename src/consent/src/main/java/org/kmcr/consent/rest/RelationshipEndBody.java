package org.kmcr.consent.rest;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** A privacy officer ending a relationship: its last active day. */
public record RelationshipEndBody(@NotNull LocalDate endsOn) {
}
