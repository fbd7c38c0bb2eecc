package org.kmcr.identity.rest;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Two source identities to compare. */
public record PairRequest(@NotNull UUID left, @NotNull UUID right) {
}
