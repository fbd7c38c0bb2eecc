package org.kmcr.audit.service;

/**
 * The result of recomputing the audit chain.
 *
 * @param firstBrokenSequence the first entry whose hash, link or position is wrong; null when valid
 * @param problem             what is wrong with it, in words
 */
public record ChainVerification(boolean valid, long entriesChecked, Long firstBrokenSequence, String problem) {
}
