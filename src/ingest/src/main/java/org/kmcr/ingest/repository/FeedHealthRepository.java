package org.kmcr.ingest.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kmcr.common.ingest.FeedHealth;
import org.kmcr.ingest.model.AcceptedMessage;
import org.kmcr.ingest.model.Feed;

/** Counts of accepted messages and dead letters per source (organisation, system, feed). */
@ApplicationScoped
public class FeedHealthRepository implements PanacheRepositoryBase<AcceptedMessage, UUID> {

    private static final String ACCEPTED = """
            SELECT source_org, source_system, feed, max(received_at),
                count(*) FILTER (WHERE received_at > CAST(CAST(:now AS text) AS timestamptz) - interval '1 hour'),
                count(*) FILTER (WHERE received_at > CAST(CAST(:now AS text) AS timestamptz) - interval '1 day')
            FROM ingest.accepted_message WHERE (:all OR source_org = :org)
            GROUP BY source_org, source_system, feed""";
    private static final String REJECTED = """
            SELECT source_org, source_system, content_type, max(received_at),
                count(*) FILTER (WHERE received_at > CAST(CAST(:now AS text) AS timestamptz) - interval '1 hour'),
                count(*) FILTER (WHERE received_at > CAST(CAST(:now AS text) AS timestamptz) - interval '1 day'),
                count(*) FILTER (WHERE state = 'open'), min(received_at) FILTER (WHERE state = 'open')
            FROM ingest.dead_letter WHERE (:all OR source_org = :org)
            GROUP BY source_org, source_system, content_type""";

    /** The health of every source of the organisation (null: of every organisation), at {@code now}. */
    public Uni<List<FeedHealth>> health(String org, Instant now) {
        Map<String, FeedHealth> bySource = new LinkedHashMap<>();
        return getSession().chain(session -> session.createNativeQuery(ACCEPTED, Object[].class)
                        .setParameter("all", org == null).setParameter("org", String.valueOf(org))
                        .setParameter("now", now.toString()).getResultList())
                .invoke(rows -> rows.forEach(row -> {
                    FeedHealth health = FeedHealth.empty((String) row[0], (String) row[1], (String) row[2]);
                    bySource.put(health.key(), health.withAccepted(instant(row[3]), count(row[4]), count(row[5])));
                }))
                .chain(() -> getSession().chain(session -> session.createNativeQuery(REJECTED, Object[].class)
                        .setParameter("all", org == null).setParameter("org", String.valueOf(org))
                        .setParameter("now", now.toString()).getResultList()))
                .map(rows -> {
                    for (Object[] row : rows) {
                        String feed = Feed.ofContentType((String) row[2]).code();
                        FeedHealth health = bySource.getOrDefault(row[0] + "|" + row[1] + "|" + feed,
                                FeedHealth.empty((String) row[0], (String) row[1], feed));
                        bySource.put(health.key(), health.withRejected(instant(row[3]), count(row[4]), count(row[5]),
                                count(row[6]), instant(row[7])));
                    }
                    return new ArrayList<>(bySource.values());
                });
    }

    /** Forgets accepted messages received before the given time; answers how many. */
    public Uni<Long> pruneBefore(Instant before) {
        return delete("receivedAt < ?1", before);
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.time.LocalDateTime local) {
            return local.toInstant(java.time.ZoneOffset.UTC);
        }
        return (Instant) value;
    }
}
