package org.kmcr.identity.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A privacy officer's merge of a person into another. */
public record PersonMergeBody(@NotNull UUID into, @Size(max = 4000) String reason) {
}
