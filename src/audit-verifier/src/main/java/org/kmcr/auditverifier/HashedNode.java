package org.kmcr.auditverifier;

/** A perfect subtree and its hash. */
public record HashedNode(Node node, byte[] hash) {
}
