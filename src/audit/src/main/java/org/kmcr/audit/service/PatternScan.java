package org.kmcr.audit.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kmcr.audit.config.AlertConfig;
import org.kmcr.audit.model.AuditEntry;
import org.kmcr.audit.model.PatternAlert;
import org.kmcr.audit.policy.AccessPatterns;
import org.kmcr.audit.repository.PatternAlertRepository;

/**
 * Scans the entries appended since the last scan for the patterns of {@link AccessPatterns} and raises alerts for
 * privacy officers: per user, one alert for the records they opened outside working hours in the scan, and one when
 * they opened more than the set number of different people's records within an hour (at most one of each kind per
 * user per hour). Alerts and the scan's progress commit together.
 */
@ApplicationScoped
public class PatternScan {

    static final int BATCH = 5_000;

    private final PatternAlertRepository alerts;
    private final AccessPatterns patterns;

    PatternScan(PatternAlertRepository alerts, AlertConfig config) {
        this.alerts = alerts;
        this.patterns = new AccessPatterns(config.recordsPerHour(), config.workdayStart(), config.workdayEnd(),
                config.workdays(), config.zone());
    }

    /** Scans the next batch of entries; answers how many alerts it raised. */
    public Uni<Integer> scanOnce() {
        return alerts.scannedThrough().chain(through -> alerts.recordOpenedAfter(through, BATCH).chain(entries -> {
            if (entries.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            Map<String, List<AuditEntry>> byUser = new LinkedHashMap<>();
            entries.stream().filter(e -> AccessPatterns.isRecordOpened(e.action, e.outcome))
                    .forEach(e -> byUser.computeIfAbsent(e.actorUserId, user -> new ArrayList<>()).add(e));
            long last = entries.get(entries.size() - 1).sequence;
            return Multi.createFrom().iterable(byUser.values())
                    .onItem().transformToUniAndConcatenate(this::alertsFor)
                    .collect().in(ArrayList<PatternAlert>::new, List::addAll)
                    .chain(raised -> alerts.pool().withTransaction(tx -> alerts.insert(tx, raised)
                            .chain(() -> alerts.markScanned(tx, last))).replaceWith(raised.size()));
        }));
    }

    private Uni<List<PatternAlert>> alertsFor(List<AuditEntry> opened) {
        AuditEntry latest = opened.get(opened.size() - 1);
        List<AuditEntry> outOfHours = opened.stream().filter(e -> patterns.outsideWorkingHours(e.occurredAt)).toList();
        Uni<PatternAlert> night = outOfHours.isEmpty() ? Uni.createFrom().nullItem()
                : alerts.raisedSince(AccessPatterns.OUT_OF_HOURS, latest.actorUserId,
                        outOfHours.get(0).occurredAt.minusSeconds(3600)).map(raised -> raised ? null
                        : alert(AccessPatterns.OUT_OF_HOURS, outOfHours.get(0), outOfHours.get(outOfHours.size() - 1),
                                outOfHours.size() + " record(s) opened outside working hours ("
                                        + patterns.workdayStart() + "-" + patterns.workdayEnd() + " "
                                        + patterns.workdays() + ", " + patterns.zone() + ")",
                                outOfHours.size() == 1 ? outOfHours.get(0).subjectNhsNumber : null));
        Uni<PatternAlert> many = alerts.peopleOpenedInTheHourBefore(latest.actorUserId, latest.occurredAt)
                .chain(counted -> !patterns.tooManyRecords(counted[0]) ? Uni.createFrom().nullItem()
                        : alerts.raisedSince(AccessPatterns.MANY_RECORDS, latest.actorUserId,
                                latest.occurredAt.minusSeconds(3600)).map(raised -> raised ? null
                                : alert(AccessPatterns.MANY_RECORDS, firstOf(counted[1], opened), latest, counted[0]
                                        + " different people's records opened within an hour (more than "
                                        + patterns.recordsPerHour() + ")", null)));
        return Uni.combine().all().unis(night, many).with((a, b) -> {
            List<PatternAlert> raised = new ArrayList<>();
            if (a != null) {
                raised.add(a);
            }
            if (b != null) {
                raised.add(b);
            }
            return raised;
        });
    }

    private static AuditEntry firstOf(long sequence, List<AuditEntry> opened) {
        AuditEntry first = new AuditEntry();
        first.sequence = sequence;
        first.occurredAt = opened.get(opened.size() - 1).occurredAt.minusSeconds(3600);
        return first;
    }

    private static PatternAlert alert(String kind, AuditEntry first, AuditEntry last, String detail, String nhsNumber) {
        return new PatternAlert(UUID.randomUUID(), kind, last.actorUserId, last.actorName, last.actorOrg, nhsNumber,
                first.sequence, last.sequence, first.occurredAt, last.occurredAt, detail, Instant.now(),
                PatternAlert.OPEN, null, null, null, null);
    }
}
