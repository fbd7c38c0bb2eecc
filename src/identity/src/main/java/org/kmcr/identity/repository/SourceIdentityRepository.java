package org.kmcr.identity.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.kmcr.common.identity.SourceIdentityIds;
import org.kmcr.identity.model.Candidate;
import org.kmcr.identity.model.Demographics;
import org.kmcr.identity.model.IdentityLink;
import org.kmcr.identity.model.SourceIdentity;
import org.kmcr.identity.model.SourceKey;

@ApplicationScoped
public class SourceIdentityRepository implements PanacheRepositoryBase<SourceIdentity, UUID> {

    private final ObjectMapper json;

    SourceIdentityRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Inserts the source identity, with the id {@link SourceIdentityIds#of} gives its key, or updates its NHS
     * number and demographics (kept when none are given), and returns it as now stored. The row stays locked
     * until the transaction ends, so calls for one source identity run one after another.
     * <p>
     * The insert yields on any unique key (DO NOTHING without a target), so two transactions inserting the same
     * new key cannot fail on the primary key while only the source key is an arbiter; the loser waits for the
     * winner to commit and then updates, and so locks, the winner's row.
     */
    public Uni<SourceIdentity> upsertAndLock(SourceKey key, String nhsNumber, Demographics demographics) {
        UUID id = SourceIdentityIds.of(key.sourceOrg(), key.sourceSystem(), key.localId());
        String demographicsJson = toJson(demographics);
        return getSession().flatMap(session -> session.createNativeQuery("""
                INSERT INTO identity.source_identity
                    (id, source_org, source_system, local_id, nhs_number, demographics, created_at, updated_at)
                VALUES (:id, :sourceOrg, :sourceSystem, :localId, :nhsNumber,
                        CAST(CAST(:demographics AS text) AS jsonb), now(), now())
                ON CONFLICT DO NOTHING""")
                .setParameter("id", id)
                .setParameter("sourceOrg", key.sourceOrg())
                .setParameter("sourceSystem", key.sourceSystem())
                .setParameter("localId", key.localId())
                .setParameter("nhsNumber", nhsNumber)
                .setParameter("demographics", demographicsJson)
                .executeUpdate()
                .chain(inserted -> inserted == 1 ? Uni.createFrom().item(id)
                        : update(session, key, nhsNumber, demographicsJson)))
                .chain(this::findById);
    }

    /**
     * As {@link #upsertAndLock}, {@link #index} and {@link #lockBlocks} together, for a source that sent its
     * demographics (so the blocking keys are known before the write): a new source identity is inserted with its
     * keys, names and first version, its row and its blocks locked, in one statement; a known one is updated
     * the same way in a second. The row is locked before the blocks, as the three separate calls do.
     *
     * @param index the blocking keys and normalised names computed by the matcher from {@code demographics}
     */
    public Uni<SourceIdentity> upsertIndexAndLock(SourceKey key, String nhsNumber, Demographics demographics,
            Index index, String nhsNumberAsSent) {
        UUID id = SourceIdentityIds.of(key.sourceOrg(), key.sourceSystem(), key.localId());
        String demographicsJson = toJson(demographics);
        return getSession().flatMap(session -> writeParameters(session.createNativeQuery("""
                WITH written AS (
                    INSERT INTO identity.source_identity (id, source_org, source_system, local_id, nhs_number,
                        demographics, created_at, updated_at, blocking_keys, given_name, family_name, town_name,
                        birth_date)
                    VALUES (:id, :sourceOrg, :sourceSystem, :localId, :nhsNumber,
                        CAST(CAST(:demographics AS text) AS jsonb), now(), now(),
                        string_to_array(CAST(:keys AS text), ','), CAST(:given AS text), CAST(:family AS text),
                        CAST(:town AS text), CAST(:birthDate AS text))
                    ON CONFLICT DO NOTHING
                    RETURNING *),
                """ + VERSION_AND_LOCKS, SourceIdentity.class), key, nhsNumber, demographicsJson, index,
                        nhsNumberAsSent)
                .setParameter("id", id)
                .getSingleResultOrNull()
                .chain(inserted -> inserted != null ? Uni.createFrom().item(inserted)
                        : writeParameters(session.createNativeQuery("""
                        WITH written AS (
                            UPDATE identity.source_identity AS s SET
                                nhs_number = CAST(:nhsNumber AS text),
                                demographics = CAST(CAST(:demographics AS text) AS jsonb),
                                updated_at = CASE
                                    WHEN s.nhs_number IS NOT DISTINCT FROM CAST(:nhsNumber AS text)
                                        AND s.demographics = CAST(CAST(:demographics AS text) AS jsonb)
                                    THEN s.updated_at ELSE now() END,
                                blocking_keys = string_to_array(CAST(:keys AS text), ','),
                                given_name = CAST(:given AS text), family_name = CAST(:family AS text),
                                town_name = CAST(:town AS text), birth_date = CAST(:birthDate AS text)
                            WHERE s.source_org = :sourceOrg AND s.source_system = :sourceSystem
                                AND s.local_id = :localId
                            RETURNING s.*),
                        """ + VERSION_AND_LOCKS, SourceIdentity.class), key, nhsNumber, demographicsJson, index,
                        nhsNumberAsSent).getSingleResult()));
    }

    /** The parameters the insert and the update of {@link #upsertIndexAndLock} share. */
    private static Mutiny.SelectionQuery<SourceIdentity> writeParameters(Mutiny.SelectionQuery<SourceIdentity> query,
            SourceKey key, String nhsNumber, String demographicsJson, Index index, String nhsNumberAsSent) {
        return query.setParameter("sourceOrg", key.sourceOrg())
                .setParameter("sourceSystem", key.sourceSystem())
                .setParameter("localId", key.localId())
                .setParameter("nhsNumber", nhsNumber)
                .setParameter("demographics", demographicsJson)
                .setParameter("keys", String.join(",", index.blockingKeys()))
                .setParameter("lockKeys", sortedKeys(index.blockingKeys()))
                .setParameter("given", index.givenName())
                .setParameter("family", index.familyName())
                .setParameter("town", index.townName())
                .setParameter("birthDate", index.birthDate())
                .setParameter("sent", nhsNumberAsSent);
    }

    /**
     * The tail of {@link #upsertIndexAndLock}'s statements: the version kept (unless this very version is), and
     * the written row answered once its blocks are locked (a subquery per row, so after the row's own lock).
     */
    private static final String VERSION_AND_LOCKS = """
            version AS (
                INSERT INTO identity.source_identity_version (source_identity_id, received_at, nhs_number, demographics)
                SELECT w.id, w.updated_at, CAST(:sent AS text), w.demographics FROM written w
                ON CONFLICT DO NOTHING)
            SELECT w.id, w.source_org, w.source_system, w.local_id, w.nhs_number, w.demographics, w.created_at,
                   w.updated_at
            FROM written w
            WHERE (SELECT count(pg_advisory_xact_lock(hashtext(k)))
                   FROM unnest(string_to_array(CAST(:lockKeys AS text), ',')) AS t(k)
                   WHERE w.id IS NOT NULL) >= 0""";

    /**
     * What the matcher indexes a source identity by: its blocking keys, normalised names and town, and its full
     * date of birth (yyyymmdd, null unless year, month and day are known).
     */
    public record Index(List<String> blockingKeys, String givenName, String familyName, String townName,
            String birthDate) {
    }

    private static String sortedKeys(List<String> keys) {
        return String.join(",", keys.stream().sorted().toList());
    }

    private static Uni<UUID> update(Mutiny.Session session, SourceKey key, String nhsNumber, String demographics) {
        return session.createNativeQuery("""
                UPDATE identity.source_identity AS s SET
                    nhs_number = CAST(:nhsNumber AS text),
                    demographics = COALESCE(CAST(CAST(:demographics AS text) AS jsonb), s.demographics),
                    updated_at = CASE
                        WHEN s.nhs_number IS NOT DISTINCT FROM CAST(:nhsNumber AS text)
                            AND s.demographics IS NOT DISTINCT FROM
                                COALESCE(CAST(CAST(:demographics AS text) AS jsonb), s.demographics)
                        THEN s.updated_at ELSE now() END
                WHERE s.source_org = :sourceOrg AND s.source_system = :sourceSystem AND s.local_id = :localId
                RETURNING s.id""", UUID.class)
                .setParameter("sourceOrg", key.sourceOrg())
                .setParameter("sourceSystem", key.sourceSystem())
                .setParameter("localId", key.localId())
                .setParameter("nhsNumber", nhsNumber)
                .setParameter("demographics", demographics)
                .getSingleResult();
    }

    /** Locks the source identity's row until the transaction ends, as {@link #upsertAndLock} does. */
    public Uni<Void> lock(UUID id) {
        return getSession().flatMap(session -> session
                .createNativeQuery("SELECT id FROM identity.source_identity WHERE id = :id FOR UPDATE", UUID.class)
                .setParameter("id", id)
                .getResultList())
                .replaceWithVoid();
    }

    /** The source identities actively linked to a person, oldest first. */
    public Uni<List<SourceIdentity>> linkedTo(UUID personId) {
        return find("id in (select l.sourceIdentityId from IdentityLink l where l.personId = ?1 and l.state = ?2)",
                Sort.by("createdAt").and("id"), personId, IdentityLink.ACTIVE).list();
    }

    /**
     * Stores the record's blocking keys, normalised names, town and date of birth (computed by the matcher from what is now
     * stored), and keeps the version the source sent when it differs from the last one kept.
     */
    public Uni<Void> index(UUID id, Index index, String nhsNumberAsSent) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                UPDATE identity.source_identity SET
                    blocking_keys = string_to_array(CAST(:keys AS text), ','),
                    given_name = CAST(:given AS text), family_name = CAST(:family AS text),
                    town_name = CAST(:town AS text), birth_date = CAST(:birthDate AS text)
                WHERE id = :id""")
                .setParameter("keys", String.join(",", index.blockingKeys()))
                .setParameter("given", index.givenName())
                .setParameter("family", index.familyName())
                .setParameter("town", index.townName())
                .setParameter("birthDate", index.birthDate())
                .setParameter("id", id)
                .executeUpdate()
                .chain(() -> session.createNativeQuery("""
                        INSERT INTO identity.source_identity_version
                            (source_identity_id, received_at, nhs_number, demographics)
                        SELECT s.id, s.updated_at, CAST(:sent AS text), s.demographics
                        FROM identity.source_identity s WHERE s.id = :id
                        ON CONFLICT DO NOTHING""")
                        .setParameter("sent", nhsNumberAsSent)
                        .setParameter("id", id)
                        .executeUpdate()))
                .replaceWithVoid();
    }

    /**
     * The actively linked source identities sharing at least one blocking key with a record, but not the record
     * itself: at most {@code perKey} for each key, so one very common key cannot crowd out the others.
     */
    public Uni<List<Candidate>> candidates(List<String> blockingKeys, UUID except, int perKey) {
        if (blockingKeys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().flatMap(session -> session.createNativeQuery("""
                SELECT DISTINCT s.id, s.source_org, s.source_system, s.local_id, l.person_id, s.nhs_number,
                       CAST(s.demographics AS text)
                FROM unnest(string_to_array(CAST(:keys AS text), ',')) AS k(key)
                CROSS JOIN LATERAL (
                    SELECT c.id FROM identity.source_identity c
                    WHERE c.blocking_keys @> ARRAY[k.key] AND c.id <> :except
                    LIMIT :perKey) AS hit
                JOIN identity.source_identity s ON s.id = hit.id
                JOIN identity.identity_link l ON l.source_identity_id = s.id AND l.state = 'active'""",
                Object[].class)
                .setParameter("keys", String.join(",", blockingKeys))
                .setParameter("except", except)
                .setParameter("perKey", perKey)
                .getResultList())
                .map(rows -> rows.stream().map(this::candidate).toList());
    }

    private Candidate candidate(Object[] row) {
        return new Candidate((UUID) row[0], (String) row[1], (String) row[2], (String) row[3], (UUID) row[4],
                (String) row[5], fromJson((String) row[6]));
    }

    private Demographics fromJson(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, Demographics.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored demographics could not be read", e);
        }
    }

    /** Serialises transactions resolving records that share a blocking key, so one person is not created twice. */
    public Uni<Void> lockBlocks(List<String> blockingKeys) {
        if (blockingKeys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return getSession().flatMap(session -> session.createNativeQuery("""
                SELECT count(pg_advisory_xact_lock(hashtext(k))) FROM unnest(string_to_array(CAST(:keys AS text), ','))
                    WITH ORDINALITY AS t(k, n)""", Long.class)
                .setParameter("keys", sortedKeys(blockingKeys))
                .getSingleResult())
                .replaceWithVoid();
    }

    /** The source identity with this key; null when the source never sent it. */
    public Uni<SourceIdentity> findByKey(SourceKey key) {
        return findById(SourceIdentityIds.of(key.sourceOrg(), key.sourceSystem(), key.localId()));
    }

    private String toJson(Demographics demographics) {
        if (demographics == null) {
            return null;
        }
        try {
            return json.writeValueAsString(demographics);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Demographics could not be written as JSON", e);
        }
    }
}
