package org.kmcr.common.audit;

import java.util.UUID;

/** The audit service's proof that an event is durably committed: its place in the chain and its hash. */
public record AuditReceipt(UUID id, long sequence, String hash) {
}
