package org.kmcr.consent.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/** The service's one clock, on UK civil time: agreements, relationships and reviews are dated as the NHS dates them. */
@Singleton
public class ClockProducer {

    static final ZoneId UK = ZoneId.of("Europe/London");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(UK);
    }
}
