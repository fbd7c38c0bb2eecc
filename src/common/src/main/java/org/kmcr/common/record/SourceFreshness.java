package org.kmcr.common.record;

import java.time.Instant;

/**
 * A source's last contact with KMCR, so a user sees when a feed has gone quiet ("nothing from Trust X for 3
 * days").
 *
 * @param stale true when nothing has arrived for longer than the feed's expected interval
 */
public record SourceFreshness(String sourceOrg, String sourceSystem, Instant lastContact, boolean stale) {
}
