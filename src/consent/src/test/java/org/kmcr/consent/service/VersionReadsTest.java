package org.kmcr.consent.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.consent.repository.PolicyRepository.ManyVersions;
import org.kmcr.consent.repository.PolicyRepository.Versions;

/**
 * Decisions asked for together share one read of the versions, but none is ever answered by a read that began
 * before it was asked for: a change committed before a decision arrives is always seen. (The reads themselves run
 * against real PostgreSQL in the resource tests, where a new directive takes effect on the next decision.)
 */
class VersionReadsTest {

    /** A database whose reads the test completes one at a time, reading the versions as they are then. */
    static final class Database {
        final Map<UUID, Long> people = new HashMap<>();
        long policy = 1;
        final List<Collection<UUID>> reads = new ArrayList<>();
        final List<UniEmitter<? super ManyVersions>> pending = new ArrayList<>();
        final List<Long> policyAtStart = new ArrayList<>();
        final List<Map<UUID, Long>> peopleAtStart = new ArrayList<>();

        Uni<ManyVersions> read(Collection<UUID> ids) {
            return Uni.createFrom().emitter(emitter -> {
                reads.add(List.copyOf(ids));
                // what a read sees is the state when it began (a snapshot), whenever it answers
                policyAtStart.add(policy);
                Map<UUID, Long> seen = new HashMap<>();
                ids.forEach(id -> seen.put(id, people.getOrDefault(id, 0L)));
                peopleAtStart.add(seen);
                pending.add(emitter);
            });
        }

        void answer(int read) {
            pending.get(read).complete(new ManyVersions(policyAtStart.get(read), peopleAtStart.get(read)));
        }
    }

    @Test
    void aDecisionAskedForWhileAReadIsUnderWayWaitsForTheNextReadAndSeesTheChange() {
        Database db = new Database();
        VersionReads reads = new VersionReads(db::read);
        UUID person = UUID.randomUUID();
        db.people.put(person, 1L);

        UniAssertSubscriber<Versions> first = reads.of(person).subscribe().withSubscriber(UniAssertSubscriber.create());
        assertEquals(1, db.reads.size());
        // a new objection commits (the person's version is bumped), then the next decision is asked for
        db.people.put(person, 2L);
        UniAssertSubscriber<Versions> second = reads.of(person).subscribe().withSubscriber(UniAssertSubscriber.create());
        assertEquals(1, db.reads.size(), "no second read while one is under way");

        db.answer(0);
        assertEquals(new Versions(1, 1), first.awaitItem().getItem());
        // the read under way began before the change: it must not answer the second decision
        second.assertNotTerminated();
        assertEquals(2, db.reads.size());
        db.answer(1);
        assertEquals(new Versions(1, 2), second.awaitItem().getItem());
    }

    @Test
    void decisionsAskedForDuringAReadShareTheNextOne() {
        Database db = new Database();
        VersionReads reads = new VersionReads(db::read);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        reads.of(a).subscribe().withSubscriber(UniAssertSubscriber.create());
        List<UniAssertSubscriber<Versions>> waiting = new ArrayList<>();
        for (UUID person : List.of(a, b, b)) {
            waiting.add(reads.of(person).subscribe().withSubscriber(UniAssertSubscriber.create()));
        }
        waiting.add(reads.of(null).subscribe().withSubscriber(UniAssertSubscriber.create()));
        db.people.put(b, 7L);
        db.policy = 3;
        db.answer(0);
        assertEquals(2, db.reads.size());
        assertEquals(Set.of(a, b), Set.copyOf(db.reads.get(1)));
        db.answer(1);
        assertEquals(List.of(new Versions(3, 0), new Versions(3, 7), new Versions(3, 7), new Versions(3, 0)),
                waiting.stream().map(s -> s.awaitItem().getItem()).toList());
    }

    @Test
    void aFailedReadFailsItsDecisionsAndTheNextReadStillRuns() {
        List<UniEmitter<? super ManyVersions>> pending = new ArrayList<>();
        VersionReads reads = new VersionReads(ids -> Uni.createFrom().emitter(pending::add));
        UniAssertSubscriber<Versions> first = reads.of(UUID.randomUUID()).subscribe()
                .withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<Versions> second = reads.of(UUID.randomUUID()).subscribe()
                .withSubscriber(UniAssertSubscriber.create());
        pending.get(0).fail(new IllegalStateException("connection lost"));
        first.assertFailedWith(IllegalStateException.class, "connection lost");
        assertEquals(2, pending.size());
        pending.get(1).complete(new ManyVersions(5, Map.of()));
        assertEquals(5, second.awaitItem().getItem().policy());
    }

    /**
     * Seeded random interleavings of changes, requests and answers: every decision sees at least every change
     * committed before it was asked for, and every decision is answered.
     */
    @Test
    void noDecisionEverSeesOlderVersionsThanThoseCommittedBeforeItWasAskedFor() {
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            Database db = new Database();
            VersionReads reads = new VersionReads(db::read);
            List<UUID> people = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            List<UniAssertSubscriber<Versions>> asked = new ArrayList<>();
            List<Versions> committedWhenAsked = new ArrayList<>();
            List<UUID> whom = new ArrayList<>();
            int answered = 0;
            for (int step = 0; step < 60; step++) {
                int move = random.nextInt(3);
                if (move == 0) {
                    UUID person = people.get(random.nextInt(people.size()));
                    db.people.merge(person, 1L, Long::sum);
                    if (random.nextBoolean()) {
                        db.policy++;
                    }
                } else if (move == 1) {
                    UUID person = people.get(random.nextInt(people.size()));
                    whom.add(person);
                    committedWhenAsked.add(new Versions(db.policy, db.people.getOrDefault(person, 0L)));
                    asked.add(reads.of(person).subscribe().withSubscriber(UniAssertSubscriber.create()));
                } else if (answered < db.pending.size()) {
                    db.answer(answered++);
                }
            }
            while (answered < db.pending.size()) {
                db.answer(answered++);
            }
            for (int i = 0; i < asked.size(); i++) {
                Versions seen = asked.get(i).awaitItem().getItem();
                Versions committed = committedWhenAsked.get(i);
                assertTrue(seen.policy() >= committed.policy() && seen.person() >= committed.person(),
                        "seed " + seed + ": decision " + i + " for " + whom.get(i) + " saw " + seen
                                + " though " + committed + " was committed before it was asked for");
            }
        }
    }
}
