package org.kmcr.portal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.common.record.TimelineEntry;
import org.kmcr.common.record.TimelinePage;
import org.kmcr.portal.model.TimelineView;

class TimelineViewTest {

    static TimelineEntry admission() {
        return new TimelineEntry(UUID.randomUUID(), "admission", "Emergency admission", "finished",
                Instant.parse("2026-11-20T09:30:00Z"), null, "RKM", "Ward 7", null);
    }

    @Test
    void contactsAreNamedInWordsAndTheNextCursorIsReadyForALink() {
        TimelineView view = Timeline.view("9434765919", "admission",
                new TimelinePage(null, List.of(admission()), "a+b/c="), Map.of("RKM", "Kingsmere University Hospitals"));
        TimelineView.Contact contact = view.contacts().get(0);
        assertEquals("20 November 2026 at 09:30", contact.when());
        assertEquals("Admissions", contact.type());
        assertEquals("Kingsmere University Hospitals (RKM)", contact.organisation());
        assertEquals("a%2Bb%2Fc%3D", view.nextCursor());
        assertEquals("943 476 5919", view.nhsNumberSpaced());
        assertTrue(view.types().stream().filter(TimelineView.Option::selected).allMatch(o -> o.code().equals("admission")));
    }

    @Test
    void theLastPageHasNoNextLink() {
        TimelineView view = Timeline.view("9434765919", null, new TimelinePage(null, List.of(), null), Map.of());
        assertNull(view.nextCursor());
        assertTrue(view.types().stream().noneMatch(TimelineView.Option::selected));
    }
}
