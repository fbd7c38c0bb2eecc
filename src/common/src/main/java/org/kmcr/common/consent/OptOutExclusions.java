package org.kmcr.common.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The people on the current national data opt-out list, for a service that must leave them out of secondary use
 * (record's population analytics). Given only to a service's own client (role access-decider), never to a person.
 *
 * @param listDate   the list's date; null when no list was ever loaded (then {@code nhsNumbers} is empty)
 * @param loadedAt   when it was loaded; null as {@code listDate}
 * @param nhsNumbers the NHS numbers on it
 */
public record OptOutExclusions(LocalDate listDate, Instant loadedAt, List<String> nhsNumbers) {

    public OptOutExclusions {
        nhsNumbers = nhsNumbers == null ? List.of() : List.copyOf(nhsNumbers);
    }
}
