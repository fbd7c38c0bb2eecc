package org.kmcr.consent.service;

/** The result of an idempotent write: the stored value, and whether this call created it. */
public record Upserted<T>(T value, boolean created) {
}
