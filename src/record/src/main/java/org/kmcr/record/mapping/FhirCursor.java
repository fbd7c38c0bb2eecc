package org.kmcr.record.mapping;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * A keyset position in a search's order: the sort value and id of an item, and whether the page wanted comes after
 * it ({@code next}) or before it ({@code previous}). A next link stays valid when items are added meanwhile: it
 * names a place in the order, not an offset. Opaque to clients ({@code _cursor}).
 *
 * @param sortValue the item's sort column value; null when the item has none (it sorts last, or first ascending)
 */
public record FhirCursor(boolean after, Instant sortValue, UUID id) {

    public String encode() {
        String text = (after ? "n" : "p") + "|" + (sortValue == null ? "-" : sortValue.toString()) + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor in this text; empty when it is not one this server wrote. */
    public static Optional<FhirCursor> decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 3 || !(parts[0].equals("n") || parts[0].equals("p"))) {
                return Optional.empty();
            }
            return Optional.of(new FhirCursor(parts[0].equals("n"),
                    parts[1].equals("-") ? null : Instant.parse(parts[1]), UUID.fromString(parts[2])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
