/**
 * The access policy as a pure function: {@link org.kmcr.consent.policy.AccessPolicy#decide} turns a request
 * and the facts loaded for it into an immutable decision, with no I/O, clock or randomness of its own.
 * Kept apart from the {@code service} layer that loads the facts so that nothing here can reach a database.
 */
package org.kmcr.consent.policy;
