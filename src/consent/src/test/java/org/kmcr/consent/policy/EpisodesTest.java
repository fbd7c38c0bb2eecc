package org.kmcr.consent.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kmcr.consent.policy.Episodes.End;
import org.kmcr.consent.policy.Episodes.Episode;
import org.kmcr.consent.policy.Episodes.Proposal;
import org.kmcr.consent.policy.Episodes.Refuse;
import org.kmcr.consent.policy.Episodes.Start;
import org.kmcr.consent.policy.Episodes.Step;
import org.kmcr.consent.policy.Episodes.Unchanged;

/** The episode rules as a table: the latest episode and a proposal in, what to do out. */
class EpisodesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    static final LocalDate YESTERDAY = TODAY.minusDays(1);
    static final LocalDate LONG_AGO = LocalDate.of(2020, 1, 1);

    record Case(String name, Episode latest, Proposal proposal, Step expected) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Proposal open(String kind, LocalDate start, String org, String message) {
        return new Proposal(kind, start, null, org, false, message);
    }

    static Proposal ending(LocalDate end, String org, boolean officer) {
        return new Proposal("care-team", null, end, org, officer, "m-end");
    }

    static Stream<Case> table() {
        Episode current = new Episode(LONG_AGO, null, "RKM", "m-1");
        Episode ended = new Episode(LONG_AGO, YESTERDAY.minusDays(10), "RKM", "m-1");
        Episode timeLimited = new Episode(TODAY, TODAY.plusDays(89), "K81001", "ers-1");
        return Stream.of(
                new Case("the first assertion starts an episode when the source says", null,
                        open("care-team", LONG_AGO, "RKM", "m-1"), new Start(LONG_AGO, null)),
                new Case("the first assertion without a start starts today", null,
                        open("care-team", null, "RKM", "m-1"), new Start(TODAY, null)),
                new Case("an open assertion while current changes nothing, even with another start", current,
                        open("care-team", TODAY, "RKM", "m-2"), new Unchanged()),
                new Case("the asserting source ends it", current, ending(YESTERDAY, "RKM", false), new End(YESTERDAY)),
                new Case("a privacy officer ends it", current, ending(YESTERDAY, "QKM", true), new End(YESTERDAY)),
                new Case("another source cannot end it", current, ending(YESTERDAY, "K81001", false),
                        new Refuse("Only RKM, which asserted this relationship, or a privacy officer can end it")),
                new Case("it cannot end before it started", current, ending(LONG_AGO.minusDays(1), "RKM", false),
                        new Refuse("It cannot end on 2019-12-31, before it started on 2020-01-01")),
                new Case("an end is never moved later", timeLimited, new Proposal("referral", null,
                        TODAY.plusDays(200), "K81001", false, "ers-2"), new Refuse("It already ends on 2026-06-12; an "
                        + "end is never moved later: assert a new relationship once it has ended")),
                new Case("the same end again changes nothing", timeLimited, new Proposal("referral", null,
                        TODAY.plusDays(89), "K81001", false, "ers-1"), new Unchanged()),
                new Case("an end may come sooner", timeLimited, new Proposal("referral", null, TODAY.plusDays(5),
                        "K81001", false, "ers-2"), new End(TODAY.plusDays(5))),
                new Case("the message that started an ended episode, re-sent, does not reopen it", ended,
                        open("care-team", LONG_AGO, "RKM", "m-1"), new Unchanged()),
                new Case("a new message after the end starts a new episode today", ended,
                        open("care-team", null, "RKM", "m-9"), new Start(TODAY, null)),
                new Case("a new episode never starts inside the ended one", ended,
                        open("care-team", LONG_AGO, "RKM", "m-9"), new Start(ended.endsOn().plusDays(1), null)),
                new Case("a referral lasts 90 days", null, open("referral", TODAY, "K81001", "ers-1"),
                        new Start(TODAY, TODAY.plusDays(89))),
                new Case("a referral lasts at most a year", null, new Proposal("referral", TODAY, TODAY.plusYears(3),
                        "K81001", false, "ers-1"), new Start(TODAY, TODAY.plusDays(364))),
                new Case("an episode that would end before it starts is refused", null, new Proposal("care-team",
                        TODAY, YESTERDAY, "RKM", false, "m-1"),
                        new Refuse("It would end on 2026-03-14, before it starts on 2026-03-15")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decidesEachStep(Case row) {
        assertEquals(row.expected(), Episodes.next(row.latest(), row.proposal(), TODAY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void neverMovesTheStartOfACurrentEpisode(Case row) {
        Step step = Episodes.next(row.latest(), row.proposal(), TODAY);
        if (row.latest() != null && (row.latest().endsOn() == null || !row.latest().endsOn().isBefore(TODAY))) {
            assertTrue(!(step instanceof Start), step.toString());
        }
    }
}
