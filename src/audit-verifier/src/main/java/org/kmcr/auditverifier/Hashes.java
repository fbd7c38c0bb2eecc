package org.kmcr.auditverifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hashes of the audit log's Merkle tree, as RFC 9162 section 2.1.1 defines them, and hex text. */
public final class Hashes {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final HexFormat HEX = HexFormat.of();

    private Hashes() {
    }

    /** SHA-256(0x00 || leaf). */
    public static byte[] leaf(byte[] leaf) {
        MessageDigest digest = sha256();
        digest.update(LEAF_PREFIX);
        return digest.digest(leaf);
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update(NODE_PREFIX);
        digest.update(left);
        return digest.digest(right);
    }

    /** The leaf hash of an audit entry: its leaf is the 32 bytes of its entry hash. */
    public static byte[] leafOfEntry(String entryHashHex) {
        return leaf(unhex(entryHashHex));
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Bytes from lower- or upper-case hex; an {@link IllegalArgumentException} for anything else. */
    public static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
