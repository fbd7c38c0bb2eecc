package org.kmcr.auditverifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every kind of tampering with an exported log, each done as someone with full database access would, detected and
 * located by the verifier without trusting anything but the signing key.
 */
class ExportVerifierTest {

    static final KeyPair KEYS = keys();
    static final Instant T0 = Instant.parse("2026-12-01T09:00:00.123456Z");

    /** A log of {@code size} entries, chained and hashed as the service writes them. */
    static List<ExportedEntry> log(int size) {
        List<ExportedEntry> entries = new ArrayList<>();
        String prev = EntryHash.GENESIS;
        for (int sequence = 1; sequence <= size; sequence++) {
            ExportedEntry entry = entry(sequence, "Dr Number " + sequence, prev);
            entries.add(entry);
            prev = entry.hash();
        }
        return entries;
    }

    static ExportedEntry entry(long sequence, String actorName, String prevHash) {
        Map<String, String> fields = new HashMap<>();
        fields.put("sequence", Long.toString(sequence));
        fields.put("eventId", UUID.nameUUIDFromBytes(("event " + sequence + actorName).getBytes()).toString());
        fields.put("occurredAt", T0.plusSeconds(sequence).toString());
        fields.put("recordedAt", T0.plusSeconds(sequence).toString());
        fields.put("action", "record.summary.read");
        fields.put("outcome", "permitted");
        fields.put("actorUserId", "u-" + sequence);
        fields.put("actorName", actorName);
        fields.put("actorRole", "clinician");
        fields.put("actorOrg", "K81001");
        fields.put("purpose", "direct-care");
        fields.put("subjectNhsNumber", "9434765919");
        fields.put("categories", "allergies,medications");
        fields.put("prevHash", prevHash);
        return rehashed(fields);
    }

    static ExportedEntry rehashed(Map<String, String> fields) {
        ExportedEntry unhashed = new ExportedEntry(fields, null);
        return new ExportedEntry(fields, unhashed.recomputedHash());
    }

    /** A checkpoint of the first {@code size} entries, signed with the test key. */
    static SignedCheckpoint checkpoint(List<ExportedEntry> entries, int size) throws Exception {
        CompactRange tree = CompactRange.empty();
        entries.subList(0, size).forEach(e -> tree.append(Hashes.leafOfEntry(e.hash())));
        return signed(size, Hashes.hex(tree.root()), entries.get(size - 1).hash(), KEYS);
    }

    static SignedCheckpoint signed(long size, String root, String head, KeyPair keys) throws Exception {
        Instant at = T0.plusSeconds(1000 + size);
        String text = CheckpointText.of(size, root, head, at);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(text.getBytes(StandardCharsets.UTF_8));
        return new SignedCheckpoint(size, size, root, head, at, "Ed25519", "k", null,
                Base64.getEncoder().encodeToString(signer.sign()), text, true);
    }

    static ExportVerifier.Report verify(List<ExportedEntry> entries, List<SignedCheckpoint> checkpoints) {
        return ExportVerifier.verify(new AuditExport(1, List.of(), entries, checkpoints), List.of(),
                List.of(KEYS.getPublic()));
    }

    static Finding only(ExportVerifier.Report report) {
        assertEquals(1, report.findings().size(), report.findings().toString());
        return report.findings().get(0);
    }

    @Test
    void anUntouchedLogVerifies() throws Exception {
        List<ExportedEntry> log = log(20);
        ExportVerifier.Report report = verify(log, List.of(checkpoint(log, 7), checkpoint(log, 20)));
        assertTrue(report.valid(), report.findings().toString());
        assertEquals(20, report.treeSize());
    }

    @Test
    void aChangedFieldIsLocatedAtItsEntry() throws Exception {
        List<ExportedEntry> log = log(20);
        List<SignedCheckpoint> checkpoints = List.of(checkpoint(log, 20));
        Map<String, String> fields = new HashMap<>(log.get(8).fields());
        fields.put("actorOrg", "XXXXX");
        log.set(8, new ExportedEntry(fields, log.get(8).hash()));

        Finding finding = only(verify(log, checkpoints));
        assertEquals(Finding.Kind.ENTRY_CHANGED, finding.kind());
        assertEquals(9L, finding.firstSequence());
        assertEquals(9L, finding.lastSequence());
    }

    @Test
    void deletedRowsAreLocated() throws Exception {
        List<ExportedEntry> log = log(20);
        List<SignedCheckpoint> checkpoints = List.of(checkpoint(log, 5));
        log.remove(11);
        log.remove(10);

        Finding missing = only(verify(log, checkpoints));
        assertEquals(Finding.Kind.ENTRIES_MISSING, missing.kind());
        assertEquals(11L, missing.firstSequence());
        assertEquals(12L, missing.lastSequence());
    }

    @Test
    void anInsertedRowIsLocated() throws Exception {
        List<ExportedEntry> log = log(20);
        List<SignedCheckpoint> checkpoints = List.of(checkpoint(log, 5));
        log.add(6, entry(6, "Someone Else", log.get(5).hash()));

        Finding finding = only(verify(log, checkpoints));
        assertEquals(Finding.Kind.ENTRY_INSERTED, finding.kind());
        assertEquals(6L, finding.firstSequence());
    }

    @Test
    void reorderedRowsAreLocated() throws Exception {
        List<ExportedEntry> log = log(20);
        List<SignedCheckpoint> checkpoints = List.of(checkpoint(log, 5));
        // the rows of entries 10 and 11 exchange their places (their sequence numbers)
        Map<String, String> tenth = new HashMap<>(log.get(9).fields());
        Map<String, String> eleventh = new HashMap<>(log.get(10).fields());
        tenth.put("sequence", "11");
        eleventh.put("sequence", "10");
        String tenthHash = log.get(9).hash();
        log.set(9, new ExportedEntry(eleventh, log.get(10).hash()));
        log.set(10, new ExportedEntry(tenth, tenthHash));

        ExportVerifier.Report report = verify(log, checkpoints);
        List<Finding> moved = report.findings().stream().filter(f -> f.kind() == Finding.Kind.ENTRY_MOVED).toList();
        assertEquals(List.of(10L, 11L), moved.stream().map(Finding::firstSequence).toList(), report.findings().toString());
        assertTrue(moved.get(0).problem().contains("was written as entry 11"), moved.get(0).problem());
    }

    @Test
    void aTruncatedTailIsFoundAgainstAnEarlierSignedCheckpoint() throws Exception {
        List<ExportedEntry> log = log(20);
        SignedCheckpoint kept = checkpoint(log, 18);
        List<ExportedEntry> cut = new ArrayList<>(log.subList(0, 15));

        // the export no longer holds the checkpoint either; the one kept elsewhere is enough
        ExportVerifier.Report report = ExportVerifier.verify(new AuditExport(1, List.of(), cut, List.of()),
                List.of(kept), List.of(KEYS.getPublic()));
        Finding finding = only(report);
        assertEquals(Finding.Kind.TAIL_TRUNCATED, finding.kind());
        assertEquals(16L, finding.firstSequence());
        assertEquals(18L, finding.lastSequence());
    }

    @Test
    void aTailRewrittenWithRecomputedHashesIsLocatedBetweenCheckpoints() throws Exception {
        List<ExportedEntry> log = log(20);
        List<SignedCheckpoint> checkpoints = List.of(checkpoint(log, 6), checkpoint(log, 12), checkpoint(log, 18));
        // entry 9 changed, and every later link and hash recomputed: the log is self-consistent again
        List<ExportedEntry> rewritten = new ArrayList<>(log.subList(0, 8));
        String prev = rewritten.get(7).hash();
        for (int sequence = 9; sequence <= 20; sequence++) {
            ExportedEntry entry = entry(sequence, sequence == 9 ? "Nobody" : "Dr Number " + sequence, prev);
            rewritten.add(entry);
            prev = entry.hash();
        }

        Finding finding = only(verify(rewritten, checkpoints));
        assertEquals(Finding.Kind.REWRITTEN, finding.kind());
        assertEquals(7L, finding.firstSequence());
        assertEquals(12L, finding.lastSequence());
    }

    @Test
    void aCheckpointSignedWithAnotherKeyIsForgedAndProvesNothing() throws Exception {
        List<ExportedEntry> log = log(10);
        SignedCheckpoint forged = signed(15, "00".repeat(32), "11".repeat(32), keys());

        Finding finding = only(verify(log, List.of(checkpoint(log, 10), forged)));
        assertEquals(Finding.Kind.CHECKPOINT_FORGED, finding.kind());
    }

    @Test
    void aLogTrimmedByRetentionVerifiesFromItsBoundaryCheckpoint() throws Exception {
        List<ExportedEntry> log = log(20);
        SignedCheckpoint boundary = checkpoint(log, 8);
        CompactRange before = CompactRange.empty();
        log.subList(0, 8).forEach(e -> before.append(Hashes.leafOfEntry(e.hash())));
        List<String> prefix = before.frontier().stream().map(n -> Hashes.hex(n.hash())).toList();
        List<ExportedEntry> kept = log.subList(8, 20);

        ExportVerifier.Report report = ExportVerifier.verify(new AuditExport(9, prefix, kept,
                List.of(boundary, checkpoint(log, 20))), List.of(), List.of(KEYS.getPublic()));
        assertTrue(report.valid(), report.findings().toString());

        List<String> wrongPrefix = List.of("00".repeat(32));
        Finding finding = only(ExportVerifier.verify(new AuditExport(9, wrongPrefix, kept, List.of(boundary)),
                List.of(), List.of(KEYS.getPublic())));
        assertEquals(Finding.Kind.PREFIX_MISMATCH, finding.kind());
    }

    static KeyPair keys() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
