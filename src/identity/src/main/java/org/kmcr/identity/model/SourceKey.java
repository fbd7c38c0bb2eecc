package org.kmcr.identity.model;

/** What identifies a source identity: the organisation, its system, and the patient's id in that system. */
public record SourceKey(String sourceOrg, String sourceSystem, String localId) {
}
