package org.kmcr.consent.model;

import java.time.Instant;
import java.time.LocalDate;

/** A loaded national data opt-out list: its date, when and by whom it was loaded, and how many people are on it. */
public record OptOutList(LocalDate listDate, Instant loadedAt, String loadedBy, int size) {
}
