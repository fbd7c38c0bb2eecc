package org.kmcr.common.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SourceIdentityIdsTest {

    @Test
    void theSameKeyAlwaysGivesTheSameNameBasedId() {
        UUID id = SourceIdentityIds.of("RKM", "partner-rkm-pas", "PAS-123");
        assertEquals(id, SourceIdentityIds.of("RKM", "partner-rkm-pas", "PAS-123"));
        assertEquals(3, id.version());
        assertEquals(2, id.variant());
    }

    @Test
    void theEncodingIsPinnedSoThatIdsStoredEarlierStillMatch() {
        // ingest stores items under this id before identity creates the row: a change of encoding would orphan them
        assertEquals(UUID.fromString("10b4dded-2e6a-3ea4-aa57-0ad856c80ba2"),
                SourceIdentityIds.of("RKM", "partner-rkm-pas", "PAS-123"));
    }

    @Test
    void keysWhosePartsConcatenateAlikeGetDifferentIds() {
        List<List<String>> keys = List.of(
                List.of("RKM", "pas", "123"), List.of("RK", "Mpas", "123"), List.of("RKMpas", "", "123"),
                List.of("RKM", "pas1", "23"), List.of("RKM", "", "pas123"), List.of("", "RKMpas", "123"),
                List.of("RKM|pas", "", "123"), List.of("RKM", "|pas", "123"), List.of("RKM", "pas", "123 "),
                List.of("RKM", "pas", "123\u0000"), List.of("rkm", "pas", "123"));
        Set<UUID> ids = new HashSet<>();
        for (List<String> key : keys) {
            ids.add(SourceIdentityIds.of(key.get(0), key.get(1), key.get(2)));
        }
        assertEquals(keys.size(), ids.size());
    }

    @Test
    void nonAsciiPartsAreEncodedByTheirBytesNotTheirCharacters() {
        // "é" is two UTF-8 bytes: a length in characters would let these two keys collide
        assertNotEquals(SourceIdentityIds.of("é", "a", "b"), SourceIdentityIds.of("e\u0301", "a", "b"));
        assertNotEquals(SourceIdentityIds.of("éa", "b", "c"), SourceIdentityIds.of("é", "ab", "c"));
    }

    @Test
    void everyPartOfTheKeyIsRequired() {
        assertThrows(NullPointerException.class, () -> SourceIdentityIds.of(null, "pas", "1"));
        assertThrows(NullPointerException.class, () -> SourceIdentityIds.of("RKM", null, "1"));
        assertThrows(NullPointerException.class, () -> SourceIdentityIds.of("RKM", "pas", null));
    }
}
