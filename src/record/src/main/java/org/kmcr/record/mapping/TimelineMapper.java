package org.kmcr.record.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.kmcr.common.record.TimelineEntry;
import org.kmcr.common.record.TimelinePage;
import org.kmcr.record.model.TimelineType;
import org.kmcr.record.service.DisclosedItem;
import org.kmcr.record.service.Window;
import org.kmcr.recordmodel.model.CareItem;

/**
 * Shapes a timeline page ({@link TimelinePage}): each Encounter or EpisodeOfCare as an entry with its type, what it
 * was, its period, the organisation it was with (its {@code serviceProvider} or {@code managingOrganization} ODS
 * code, else the reporting organisation), its first location, and its provenance.
 */
@ApplicationScoped
public class TimelineMapper {

    private static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";

    private final ObjectMapper json;

    TimelineMapper(ObjectMapper json) {
        this.json = json;
    }

    public TimelinePage toPage(Window window) {
        return new TimelinePage(SummaryMapper.access(window.disclosure()),
                window.disclosure().items().stream().map(this::entry).toList(),
                window.next() == null ? null : TimelineCursor.encode(window.next()));
    }

    private TimelineEntry entry(DisclosedItem shown) {
        CareItem item = shown.item();
        JsonNode resource = read(shown.resource());
        ItemDescription description = ItemDescription.of(item, resource);
        JsonNode period = resource.path("period");
        String display = description.display();
        if ("Encounter".equals(item.resourceType)) {
            JsonNode type = resource.path("type").path(0);
            String typeText = type.hasNonNull("text") ? type.path("text").asText()
                    : type.path("coding").path(0).path("display").asText(null);
            display = typeText != null ? typeText : display;
        }
        Instant start = item.effectiveAt != null ? item.effectiveAt : instant(period.path("start"));
        return new TimelineEntry(item.id, TimelineType.of(item.category, item.resourceType, item.code).code(), display,
                description.status(), start, instant(period.path("end")), organisation(resource, item),
                text(resource.path("location").path(0).path("location").path("display")),
                SummaryMapper.provenance(item));
    }

    private static String organisation(JsonNode resource, CareItem item) {
        for (String element : new String[] {"serviceProvider", "managingOrganization"}) {
            JsonNode identifier = resource.path(element).path("identifier");
            if (ODS_SYSTEM.equals(identifier.path("system").asText()) && identifier.hasNonNull("value")) {
                return identifier.path("value").asText();
            }
        }
        return item.sourceOrg;
    }

    private static Instant instant(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        String text = node.asText();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text)
                        .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private JsonNode read(String resource) {
        try {
            return json.readTree(resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
