package org.kmcr.audit.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The time entries are recorded at (UTC); a bean of its own so that tests can record history. */
@ApplicationScoped
public class AuditClock {

    public Instant now() {
        return Instant.now();
    }
}
