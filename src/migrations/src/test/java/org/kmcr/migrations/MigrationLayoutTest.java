package org.kmcr.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every migration lives in this module, where the migration step finds it, and versions never collide. */
class MigrationLayoutTest {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");

    @Test
    void everyOwnerHasMigrationsAndVersionsAreUniqueWithinAHistory() throws IOException, URISyntaxException {
        for (SchemaOwner owner : SchemaOwner.values()) {
            Set<String> versions = new HashSet<>();
            for (String folder : owner.locations()) {
                List<String> files = sqlFilesIn(folder);
                assertFalse(files.isEmpty(), "no migrations in " + folder);
                for (String file : files) {
                    Matcher versioned = VERSIONED.matcher(file);
                    assertTrue(versioned.matches(), folder + "/" + file + " is not named V<version>__<name>.sql");
                    assertTrue(versions.add(versioned.group(1)), "version " + versioned.group(1) + " of "
                            + folder + "/" + file + " is used twice in the history of " + owner.role());
                }
            }
        }
    }

    @Test
    void noServiceKeepsMigrationsOfItsOwn() throws IOException {
        Path modules = Path.of(System.getProperty("kmcr.root", "../..")).resolve("src");
        List<Path> strays = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(modules)) {
            for (Path module : dirs.filter(dir -> !dir.endsWith("migrations")).toList()) {
                Path db = module.resolve("src/main/resources/db");
                if (Files.isDirectory(db)) {
                    try (Stream<Path> files = Files.walk(db)) {
                        files.filter(file -> file.toString().endsWith(".sql")).forEach(strays::add);
                    }
                }
            }
        }
        assertEquals(List.of(), strays, "migrations outside src/migrations are never run: move them to "
                + "src/migrations/src/main/resources/db/<schema>/");
    }

    private static List<String> sqlFilesIn(String folder) throws IOException, URISyntaxException {
        URL url = MigrationLayoutTest.class.getClassLoader().getResource(folder);
        assertTrue(url != null && "file".equals(url.getProtocol()), folder + " is not on the test classpath");
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
