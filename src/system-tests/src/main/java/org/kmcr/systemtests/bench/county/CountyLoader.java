package org.kmcr.systemtests.bench.county;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.kmcr.common.testing.PostgresDatabase;
import org.kmcr.systemtests.stack.DemoRegion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads the county straight into the tables the services use, with PostgreSQL {@code COPY}: the identity index
 * (persons, source identities, active links), consent's relationship facts (each person's GP registration, as the
 * registration authority asserts it) and {@code record.care_item}. This bypasses ingest on purpose: ingest has its
 * own benchmark, and a county through ingest's API would take days on this machine. The care item table's indexes and
 * constraints are dropped for the load and rebuilt after it (as they were: read back from the catalogue, so that
 * indexes added by later migrations are rebuilt too), then every loaded table is analysed.
 */
public final class CountyLoader {

    private static final int FLUSH_CHARS = 4 << 20;
    private static final String CREATED = "2026-01-01T00:00:00Z";

    private final PostgresDatabase database;

    public CountyLoader(PostgresDatabase database) {
        this.database = database;
    }

    /** Loads everything; answers the seconds each step took, in order. */
    public Map<String, Double> load(CountyPopulation county) throws Exception {
        Map<String, Double> seconds = new LinkedHashMap<>();
        long started = System.nanoTime();
        try (Connection c = database.connectAs("postgres")) {
            copy(c, "identity.person (id, nhs_number, created_at)", county, (p, out) ->
                    out.append(p.personId()).append('\t').append(p.nhsNumber()).append('\t').append(CREATED).append('\n'));
            copy(c, "identity.source_identity (id, source_org, source_system, local_id, nhs_number, demographics, "
                    + "created_at, updated_at, given_name, family_name)", county, (p, out) -> {
                        identity(out, p, p.pdsIdentity(), DemoRegion.REGISTRATION_AUTHORITY, DemoRegion.PDS, p.nhsNumber());
                        identity(out, p, p.gpIdentity(), p.gpPractice(), p.gpSystem(), "GP" + p.index());
                        if (p.atTrust()) {
                            identity(out, p, p.trustIdentity(), DemoRegion.TRUST, DemoRegion.TRUST_PAS, "RKM" + p.index());
                        }
                    });
            copy(c, "identity.identity_link (id, source_identity_id, person_id, method, score, evidence, created_at, "
                    + "state, decided_by)", county, (p, out) -> {
                        link(out, p, p.pdsIdentity(), 0);
                        link(out, p, p.gpIdentity(), 1);
                        if (p.atTrust()) {
                            link(out, p, p.trustIdentity(), 2);
                        }
                    });
            seconds.put("identity index (persons, source identities, links)", since(started));
            long relationships = System.nanoTime();
            copy(c, "consent.relationship (id, person_id, org_code, kind, started_on, created_at, asserted_by_org, "
                    + "asserted_by_system, source_message, recorded_via)", county, (p, out) ->
                    out.append(new java.util.UUID(p.personId().getMostSignificantBits(), ~p.personId()
                            .getLeastSignificantBits() & 0x3fffffffffffffffL | 0x8000000000000000L)).append('\t')
                            .append(p.personId()).append('\t').append(p.gpPractice())
                            .append("\tgp-registration\t2020-01-01\t").append(CREATED).append('\t')
                            .append(DemoRegion.REGISTRATION_AUTHORITY).append('\t').append(DemoRegion.PDS)
                            .append("\tcounty-benchmark-load\tcounty-benchmark-load\n"));
            seconds.put("consent relationships (GP registrations)", since(relationships));

            List<String> rebuild = dropCareItemIndexes(c);
            long items = System.nanoTime();
            copyItems(county);
            seconds.put(String.format("care items (%,d rows, %d COPY streams)", county.totalItems(),
                    county.shape().copyConnections()), since(items));
            long indexes = System.nanoTime();
            try (Statement st = c.createStatement()) {
                st.execute("SET maintenance_work_mem = '512MB'");
                for (String ddl : rebuild) {
                    st.execute(ddl);
                }
            }
            seconds.put("care item indexes and constraints rebuilt (" + rebuild.size() + ")", since(indexes));
            // VACUUM, not only ANALYZE: a freshly COPYed table has no visibility map, so every count and index
            // scan would visit the heap; autovacuum sets it on a live system, so the benchmark starts from there
            long analyse = System.nanoTime();
            try (Statement st = c.createStatement()) {
                st.execute("VACUUM (ANALYZE) identity.person, identity.source_identity, identity.identity_link, "
                        + "consent.relationship, consent.person_version, record.care_item");
            }
            seconds.put("VACUUM (ANALYZE)", since(analyse));
        }
        seconds.put("total", since(started));
        return seconds;
    }

    /** The size of the loaded data on disk, as PostgreSQL reports it. */
    public String sizes() throws SQLException {
        try (Connection c = database.connectAs("postgres"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT pg_size_pretty(pg_total_relation_size('record.care_item')), "
                        + "pg_size_pretty(pg_indexes_size('record.care_item')), pg_size_pretty(pg_database_size("
                        + "current_database()))")) {
            rs.next();
            return "record.care_item " + rs.getString(1) + " (of which indexes " + rs.getString(2) + "), database "
                    + rs.getString(3);
        }
    }

    private void copyItems(CountyPopulation county) throws Exception {
        int streams = county.shape().copyConnections();
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (int s = 0; s < streams; s++) {
                int stream = s;
                done.add(pool.submit(() -> {
                    try (Connection c = database.connectAs("postgres")) {
                        CareItemRows rows = new CareItemRows();
                        long seed = county.shape().seed();
                        return copy(c, "record.care_item (" + CareItemRows.COLUMNS + ")", county.persons().stream()
                                .filter(p -> p.index() % streams == stream).toList(), (p, out) -> rows.append(p, seed, out));
                    }
                }));
            }
            for (Future<Long> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> dropCareItemIndexes(Connection c) throws SQLException {
        List<String> rebuild = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                    + "WHERE conrelid = 'record.care_item'::regclass AND contype IN ('p', 'u') ORDER BY contype")) {
                while (rs.next()) {
                    rebuild.add("ALTER TABLE record.care_item ADD CONSTRAINT " + rs.getString(1) + " " + rs.getString(2));
                    drops.add("ALTER TABLE record.care_item DROP CONSTRAINT " + rs.getString(1));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) "
                    + "FROM pg_index i WHERE i.indrelid = 'record.care_item'::regclass AND NOT EXISTS (SELECT 1 FROM "
                    + "pg_constraint k WHERE k.conindid = i.indexrelid)")) {
                while (rs.next()) {
                    rebuild.add(rs.getString(2));
                    drops.add("DROP INDEX " + rs.getString(1));
                }
            }
            for (String drop : drops) {
                st.execute(drop);
            }
        }
        return rebuild;
    }

    private static void identity(StringBuilder out, CountyPerson p, java.util.UUID id, String org, String system,
            String localId) {
        out.append(id).append('\t').append(org).append('\t').append(system).append('\t').append(localId).append('\t')
                .append(p.nhsNumber()).append("\t{\"family\": \"").append(p.family()).append("\", \"given\": [\"")
                .append(p.given()).append("\"], \"birthDate\": \"").append(p.birthDate()).append("\", \"gender\": \"")
                .append(p.gender()).append("\", \"postcode\": \"").append(p.postcode()).append("\"}\t").append(CREATED)
                .append('\t').append(CREATED).append('\t').append(p.given().toLowerCase(java.util.Locale.ROOT))
                .append('\t').append(p.family().toLowerCase(java.util.Locale.ROOT)).append('\n');
    }

    private static void link(StringBuilder out, CountyPerson p, java.util.UUID identity, int n) {
        out.append(new java.util.UUID(identity.getMostSignificantBits() ^ n, identity.getLeastSignificantBits() ^ 0x5a5aL))
                .append('\t').append(identity).append('\t').append(p.personId())
                .append("\tnhs-number\t1.0000\t{\"nhsNumber\": \"exact match\"}\t").append(CREATED)
                .append("\tactive\tmatcher\n");
    }

    private static long copy(Connection c, String target, CountyPopulation county, RowWriter writer)
            throws SQLException {
        return copy(c, target, county.persons(), writer);
    }

    private static long copy(Connection c, String target, List<CountyPerson> persons, RowWriter writer)
            throws SQLException {
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN");
        StringBuilder out = new StringBuilder(FLUSH_CHARS + (1 << 20));
        try {
            for (CountyPerson person : persons) {
                writer.write(person, out);
                if (out.length() >= FLUSH_CHARS) {
                    flush(copy, out);
                }
            }
            flush(copy, out);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void flush(CopyIn copy, StringBuilder out) throws SQLException {
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        out.setLength(0);
    }

    private static double since(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(CountyPerson person, StringBuilder out);
    }
}
