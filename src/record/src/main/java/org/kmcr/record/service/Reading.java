package org.kmcr.record.service;

import io.smallrye.mutiny.Uni;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.identity.PersonIdentities;

/**
 * How the permitted part of a record is read for one kind of answer (all of it, a bounded summary, a timeline
 * page), once consent has permitted the access and before the audit service records what it shows.
 */
@FunctionalInterface
public interface Reading {

    Uni<Window> read(PersonIdentities person, AccessDecision decision);
}
