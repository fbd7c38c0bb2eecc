package org.kmcr.portal.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kmcr.common.record.TimelineEntry;
import org.kmcr.common.record.TimelinePage;
import org.kmcr.portal.client.RecordClient;
import org.kmcr.portal.model.TimelineView;

/** The timeline page: record's contacts, paged by its cursor and filtered by contact type. */
@ApplicationScoped
public class Timeline {

    static final int PAGE = 20;
    /** record's contact types (its TimelineType codes), as the filter names them. */
    static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("ae-attendance", "A&E attendances");
        TYPES.put("admission", "Admissions");
        TYPES.put("outpatient", "Outpatient appointments");
        TYPES.put("community", "Community contacts");
        TYPES.put("mental-health", "Mental health episodes");
        TYPES.put("social-care", "Social care episodes");
    }

    private final RecordClient record;
    private final OrganisationNames names;

    Timeline(RecordClient record, OrganisationNames names) {
        this.record = record;
        this.names = names;
    }

    /** A page of contacts; a refusal (no relationship) comes back as the summary's answer would, as a failure. */
    public Uni<TimelineView> page(String nhsNumber, String type, String cursor) {
        String filter = TYPES.containsKey(type) ? type : null;
        return record.timeline(nhsNumber, filter, cursor == null || cursor.isBlank() ? null : cursor, PAGE)
                .chain(page -> names.current().map(known -> view(nhsNumber, filter, page, known)))
                .onFailure().transform(failure -> switch (Failures.status(failure)) {
                    case 403 -> new PortalException(403, "You cannot see this person's timeline",
                            String.join(" ", Failures.messages(failure, "You may not see this record")));
                    case 404 -> new PortalException(404, "No record found", "KMCR holds no record for this NHS number.");
                    case 400 -> new PortalException(400, "This page of the timeline does not exist",
                            "Go back to the first page of the timeline.");
                    default -> Failures.unavailable("record", failure);
                });
    }

    static TimelineView view(String nhsNumber, String type, TimelinePage page, Map<String, String> names) {
        List<TimelineView.Contact> contacts = (page.entries() == null ? List.<TimelineEntry>of() : page.entries())
                .stream().map(entry -> new TimelineView.Contact(
                        entry.start() == null ? "date not known" : SummaryViews.dayTime(entry.start()),
                        TYPES.getOrDefault(entry.type(), entry.type()), entry.display(), entry.status(),
                        SummaryViews.organisation(entry.organisation(), names), entry.location()))
                .toList();
        List<TimelineView.Option> options = TYPES.entrySet().stream()
                .map(option -> new TimelineView.Option(option.getKey(), option.getValue(),
                        option.getKey().equals(type)))
                .toList();
        String next = page.nextCursor() == null ? null : URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8);
        return new TimelineView(nhsNumber, NhsNumbers.spaced(nhsNumber), type, options, contacts, next);
    }
}
