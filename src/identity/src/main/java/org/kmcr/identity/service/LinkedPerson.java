package org.kmcr.identity.service;

import java.util.List;
import org.kmcr.identity.model.Person;
import org.kmcr.identity.model.SourceIdentity;

/** A person with the source identities actively linked to them. */
public record LinkedPerson(Person person, List<SourceIdentity> sourceIdentities) {
}
