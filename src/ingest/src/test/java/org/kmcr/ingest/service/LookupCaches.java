package org.kmcr.ingest.service;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.kmcr.ingest.config.LookupCacheConfig;

/** A hand-set clock and cache settings for the lookup caches' tests. */
final class LookupCaches {

    private LookupCaches() {
    }

    /** A clock that moves only when told to. */
    static final class Clock implements InstantSource {
        private Instant now = Instant.parse("2026-12-01T12:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    static LookupCacheConfig config(Duration partners, Duration patients, int maxPatients) {
        return new LookupCacheConfig() {
            @Override
            public Duration partners() {
                return partners;
            }

            @Override
            public Duration patients() {
                return patients;
            }

            @Override
            public int maxPatients() {
                return maxPatients;
            }
        };
    }
}
