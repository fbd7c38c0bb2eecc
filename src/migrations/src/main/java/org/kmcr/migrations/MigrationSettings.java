package org.kmcr.migrations;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where to migrate and with which owner passwords, read from the migration job's environment: {@code KMCR_DB_URL}
 * (a {@code jdbc:postgresql://} URL) or {@code KMCR_DB_HOST}, {@code KMCR_DB_PORT}, {@code KMCR_DB_NAME} (as the
 * services read them; defaults localhost, 5432, kmcr), and one password variable per owner
 * ({@link SchemaOwner#passwordVariable()}); an unset or empty password means none (trust authentication, local only).
 */
public record MigrationSettings(String jdbcUrl, Map<SchemaOwner, String> passwords) {

    static final String URL_PREFIX = "jdbc:postgresql://";

    public MigrationSettings {
        if (jdbcUrl == null || !jdbcUrl.startsWith(URL_PREFIX)) {
            throw new IllegalArgumentException("KMCR_DB_URL must be a PostgreSQL JDBC URL (" + URL_PREFIX
                    + "host:port/database), not " + jdbcUrl);
        }
        passwords = Map.copyOf(passwords);
    }

    public static MigrationSettings fromEnvironment(Map<String, String> env) {
        String url = nonBlank(env.get("KMCR_DB_URL"));
        if (url == null) {
            url = URL_PREFIX + valueOr(env, "KMCR_DB_HOST", "localhost") + ":" + valueOr(env, "KMCR_DB_PORT", "5432")
                    + "/" + valueOr(env, "KMCR_DB_NAME", "kmcr");
        }
        Map<SchemaOwner, String> passwords = new EnumMap<>(SchemaOwner.class);
        for (SchemaOwner owner : SchemaOwner.values()) {
            String password = env.get(owner.passwordVariable());
            if (password != null && !password.isEmpty()) {
                passwords.put(owner, password);
            }
        }
        return new MigrationSettings(url, passwords);
    }

    /** The owner's password, or the empty string when none is set. */
    public String passwordOf(SchemaOwner owner) {
        return passwords.getOrDefault(owner, "");
    }

    /** The URL without any query parameters, which may carry credentials: safe to print. */
    public String printableUrl() {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    private static String valueOr(Map<String, String> env, String name, String fallback) {
        String value = nonBlank(env.get(name));
        return value == null ? fallback : value;
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "MigrationSettings[" + printableUrl() + ", passwords for " + passwords.keySet() + "]";
    }
}
