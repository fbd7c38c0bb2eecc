package org.kmcr.audit.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kmcr.audit.model.Checkpoint;
import org.kmcr.audit.service.ChainVerification.Kind;

/** Which finding is reported, and where, for each shape of tampering: a table of named cases. */
class VerificationReportTest {

    static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");

    /** A checkpoint at a sequence, and whether the entry there still has the signed hash ("x" when missing). */
    record Seen(long sequence, String entry, boolean trusted) {
        static Seen matching(long sequence) {
            return new Seen(sequence, "h" + sequence, true);
        }

        static Seen changed(long sequence) {
            return new Seen(sequence, "other", true);
        }

        static Seen forged(long sequence) {
            return new Seen(sequence, "h" + sequence, false);
        }
    }

    static Stream<Arguments> cases() {
        ChainWalk.Break gap = new ChainWalk.Break(Kind.ENTRIES_MISSING, 5, 7, "entries 5 to 7 are missing");
        ChainWalk.Break edited = new ChainWalk.Break(Kind.CHAIN_BROKEN, 20, 20, "the entry's content ...");
        return Stream.of(
                Arguments.of("intact", null, 10, List.of(Seen.matching(4), Seen.matching(10)), null, null),
                Arguments.of("newest entries deleted", null, 6, List.of(Seen.matching(4), Seen.matching(10)),
                        Kind.ENTRIES_MISSING, new long[] {7, 10}),
                Arguments.of("rewritten and recomputed", null, 12,
                        List.of(Seen.matching(4), Seen.changed(10), Seen.changed(12)), Kind.REWRITTEN,
                        new long[] {5, 10}),
                Arguments.of("rewritten before any checkpoint", null, 12, List.of(Seen.changed(10)),
                        Kind.REWRITTEN, new long[] {1, 10}),
                Arguments.of("edited without recomputing", edited, 30, List.of(Seen.matching(25)),
                        Kind.CHAIN_BROKEN, new long[] {20, 20}),
                Arguments.of("a gap names itself rather than the checkpoint inside it", gap, 12,
                        List.of(Seen.matching(4), new Seen(6, null, true), Seen.matching(12)),
                        Kind.ENTRIES_MISSING, new long[] {5, 7}),
                Arguments.of("deleted, then appended again below the checkpoint", null, 8,
                        List.of(Seen.matching(4), Seen.changed(7), Seen.matching(10)), Kind.REWRITTEN,
                        new long[] {5, 7}),
                Arguments.of("an earlier rewrite is reported before a later edit",
                        edited, 30, List.of(Seen.matching(4), Seen.changed(10)), Kind.REWRITTEN,
                        new long[] {5, 10}),
                Arguments.of("a forged row only", null, 10, List.of(Seen.matching(10), Seen.forged(99)),
                        Kind.CHECKPOINT_FORGED, null),
                Arguments.of("a forged row does not count as a checkpoint", null, 10,
                        List.of(Seen.matching(10), new Seen(50, null, false)), Kind.CHECKPOINT_FORGED, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheEarliestLocatedFinding(String name, ChainWalk.Break broken, long head, List<Seen> seen,
            Kind expectedKind, long[] expectedRange) {
        CheckpointTally tally = new CheckpointTally();
        for (Seen s : seen) {
            tally.add(checkpoint(s.sequence()), s.trusted() ? null : "its signature does not verify", head,
                    s.entry());
        }
        ChainVerification result = VerificationReport.of(new ChainWalk.Result(head, head, "h" + head, broken),
                head, tally, null, true, null);

        assertEquals(expectedKind == null, result.valid(), name);
        assertEquals(expectedKind, result.findings().isEmpty() ? null : result.findings().get(0).kind(), name);
        Long[] range = {result.firstBrokenSequence(), result.lastSuspectSequence()};
        assertEquals(expectedRange == null ? Arrays.toString(new Long[] {null, null})
                : Arrays.toString(new Long[] {expectedRange[0], expectedRange[1]}), Arrays.toString(range), name);
    }

    @org.junit.jupiter.api.Test
    void aCheckpointThisProcessSignedCountsEvenWhenItsRowIsGone() {
        CheckpointTally tally = new CheckpointTally();
        tally.add(checkpoint(4), null, 6, "h4");
        ChainVerification result = VerificationReport.of(new ChainWalk.Result(6, 6, "h6", null), 6, tally,
                checkpoint(9), false, null);

        assertEquals(List.of(Kind.ENTRIES_MISSING, Kind.CHECKPOINT_MISSING),
                result.findings().stream().map(ChainVerification.Finding::kind).toList());
        assertEquals("entries 7 to 9 are missing; the signed checkpoint of " + AT + " covers 9", result.problem());
    }

    static Checkpoint checkpoint(long sequence) {
        Checkpoint c = new Checkpoint();
        c.sequence = sequence;
        c.headHash = "h" + sequence;
        c.signedAt = AT;
        c.keyId = "k";
        c.signature = "s";
        return c;
    }
}
