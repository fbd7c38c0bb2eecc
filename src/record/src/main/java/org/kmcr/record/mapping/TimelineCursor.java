package org.kmcr.record.mapping;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.record.model.Position;

/**
 * The timeline's opaque cursor: the position of the last entry of a page (its time, or none, and its id), in
 * base64url. It holds no personal data, and a cursor that is not one KMCR made is a 400.
 */
public final class TimelineCursor {

    private static final String VERSION = "t1";

    private TimelineCursor() {
    }

    public static String encode(Position position) {
        String text = VERSION + "|" + (position.at() == null ? "-" : position.at().toString()) + "|" + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names; {@link Position#FIRST} for none. */
    public static Position decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Position.FIRST;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("not a timeline cursor");
            }
            return new Position(parts[1].equals("-") ? null : Instant.parse(parts[1]), UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor is not one this timeline gave: pass back nextCursor as it was "
                    + "received, or none for the first page");
        }
    }
}
