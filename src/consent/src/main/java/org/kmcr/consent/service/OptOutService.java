package org.kmcr.consent.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import org.kmcr.common.consent.OptOutExclusions;
import org.kmcr.consent.model.OptOutList;
import org.kmcr.consent.repository.OptOutExclusionRepository;
import org.kmcr.consent.repository.OptOutRepository;

/**
 * The national data opt-out list, loaded whole with its date and replaced atomically. It excludes people from
 * analytics and exports only, never from direct care; a new list applies from the next decision.
 */
@ApplicationScoped
public class OptOutService {

    private final OptOutRepository repository;
    private final OptOutExclusionRepository exclusions;
    private final Clock clock;

    OptOutService(OptOutRepository repository, OptOutExclusionRepository exclusions, Clock clock) {
        this.repository = repository;
        this.exclusions = exclusions;
        this.clock = clock;
    }

    public Uni<OptOutList> replace(LocalDate listDate, Collection<String> nhsNumbers,
            String loadedBy) {
        return repository.replace(listDate, nhsNumbers, loadedBy, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    /** The current list's date and size; null when none was ever loaded. */
    public Uni<OptOutList> current() {
        return repository.current();
    }

    /** The current list's NHS numbers, for the secondary uses that must leave these people out. */
    public Uni<OptOutExclusions> exclusions() {
        return exclusions.current();
    }
}
