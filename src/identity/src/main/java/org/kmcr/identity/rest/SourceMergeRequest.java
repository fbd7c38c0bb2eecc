package org.kmcr.identity.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.kmcr.common.identity.SourceMerge;

/** A source's merge of two of its patient ids (the wire form of {@link SourceMerge}), validated. */
public record SourceMergeRequest(
        @NotBlank @Size(max = 50) String sourceOrg,
        @NotBlank @Size(max = 100) String sourceSystem,
        @NotBlank @Size(max = 100) String survivingLocalId,
        @NotBlank @Size(max = 100) String mergedLocalId,
        @Size(max = 200) String messageId) {

    SourceMerge toMerge() {
        return new SourceMerge(sourceOrg, sourceSystem, survivingLocalId, mergedLocalId, messageId);
    }
}
