package org.kmcr.consent.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.KmcrTestEnvironment;

/** The service's database role reads the role x category policy but cannot change it: policy changes by migration. */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class DatabaseRoleTest {

    @Inject
    Pool pool;

    @Test
    void theRuntimeRoleReadsThePolicyButCannotChangeIt() {
        Long cells = pool.query("SELECT count(*) FROM consent.role_category_policy WHERE role = 'clinician'")
                .execute().await().indefinitely().iterator().next().getLong(0);
        assertEquals(19L, cells, "the clinician's categories: every one");
        for (String sql : new String[] {
                "INSERT INTO consent.role_category_policy VALUES ('analyst', 'medications')",
                "UPDATE consent.role_category_policy SET category = 'everything'",
                "DELETE FROM consent.role_category_policy", "DELETE FROM consent.break_glass_review",
                "UPDATE consent.protected_code SET code = 'x'", "DELETE FROM consent.security_label_rule",
                "UPDATE consent.policy_setting SET value = 9999", "DELETE FROM consent.consent_directive"}) {
            Throwable refused = assertThrows(Exception.class,
                    () -> pool.query(sql).execute().await().indefinitely(), sql);
            assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
        }
    }
}
