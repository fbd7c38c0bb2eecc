package org.kmcr.record.model;

/**
 * What page of a person's timeline to read.
 *
 * @param type         only contacts of this type; null for every type
 * @param organisation only contacts reported by this organisation (ODS code); null for any
 * @param after        the position the page starts after ({@link Position#FIRST} for the first page)
 * @param limit        the most entries on the page
 */
public record TimelineRequest(TimelineType type, String organisation, Position after, int limit) {
}
