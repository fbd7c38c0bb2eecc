package org.kmcr.identity.service;

import org.kmcr.identity.model.Demographics;
import org.kmcr.identity.model.SourceKey;

/**
 * A patient as one source system knows them, to be resolved to a person.
 *
 * @param nhsNumber    as the source sent it; may be missing or invalid, which the matcher judges
 * @param demographics may be null, which keeps what was stored before
 */
public record ResolveCommand(SourceKey source, String nhsNumber, Demographics demographics) {
}
