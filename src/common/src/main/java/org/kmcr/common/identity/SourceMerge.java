package org.kmcr.common.identity;

/**
 * A source system's statement that two of its local patient ids are one patient (HL7 v2 A34/A40): the
 * {@code mergedLocalId} is retired into {@code survivingLocalId}. Both ids belong to the sender's own
 * organisation and system; the MPI links the merged source identity to the survivor's person, so its items
 * follow it without being rewritten, and the merge can be undone.
 */
public record SourceMerge(String sourceOrg, String sourceSystem, String survivingLocalId, String mergedLocalId,
        String messageId) {
}
