package org.kmcr.record.repository;

import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A SQL text being built with its positional parameters ($1, $2, ...), bound in the order they were added. */
final class FhirSql {

    private final List<Object> values = new ArrayList<>();

    /** Adds a parameter and answers its placeholder. */
    String param(Object value) {
        values.add(value instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : value);
        return "$" + values.size();
    }

    String texts(Collection<String> texts) {
        return param(texts.toArray(String[]::new)) + "::text[]";
    }

    String uuids(Collection<UUID> ids) {
        return param(ids.toArray(UUID[]::new)) + "::uuid[]";
    }

    Tuple tuple() {
        return Tuple.tuple(new ArrayList<>(values));
    }
}
