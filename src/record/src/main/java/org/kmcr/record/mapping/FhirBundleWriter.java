package org.kmcr.record.mapping;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.record.service.DisclosedItem;
import org.kmcr.record.service.Disclosure;
import org.kmcr.record.service.FhirPage;

/**
 * Writes a disclosure as a FHIR R4 collection Bundle. Each resource is the JSON stored at ingest (or its redacted
 * form), copied as text: never parsed and re-serialised on the read path. Categories with withheld items end the
 * Bundle with an OperationOutcome whose issues (code {@code suppressed}) say "information withheld". A search page
 * is a {@code searchset} Bundle the same way, with its exact total and its links.
 */
@ApplicationScoped
public class FhirBundleWriter {

    public String toBundle(Disclosure disclosure) {
        StringBuilder out = new StringBuilder(256 + disclosure.items().stream()
                .mapToInt(i -> i.resource().length() + 64).sum());
        out.append("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"timestamp\":\"")
                .append(Instant.now()).append("\",\"entry\":[");
        String separator = "";
        for (DisclosedItem item : disclosure.items()) {
            out.append(separator).append("{\"fullUrl\":\"urn:uuid:").append(item.item().id)
                    .append("\",\"resource\":").append(item.resource()).append('}');
            separator = ",";
        }
        if (!disclosure.withheld().isEmpty()) {
            out.append(separator).append("{\"resource\":{\"resourceType\":\"OperationOutcome\",\"issue\":[");
            String comma = "";
            for (CareCategory category : disclosure.withheld()) {
                out.append(comma).append("{\"severity\":\"information\",\"code\":\"suppressed\",")
                        .append("\"diagnostics\":\"Information withheld: ").append(category.code()).append("\"}");
                comma = ",";
            }
            out.append("]}}");
        }
        return out.append("]}").toString();
    }

    /**
     * A page of a search or {@code $everything} as a {@code searchset} Bundle: the exact total after the consent
     * decision, {@code self} and, where there are such pages, {@code next} and {@code previous} links, each entry
     * the stored resource (search mode {@code match}), and an OperationOutcome entry (mode {@code outcome}) for
     * withheld categories and for parameters ignored under lenient handling.
     *
     * @param base the service's FHIR base URL ({@code http://host/fhir/r4})
     * @param path the searched path below it ({@code Condition}, {@code Patient/<id>/$everything})
     */
    public String toSearchset(FhirPage page, String base, String path) {
        StringBuilder out = new StringBuilder(512 + page.items().stream()
                .mapToInt(i -> i.resource().length() + 128).sum());
        out.append("{\"resourceType\":\"Bundle\",\"meta\":{\"lastUpdated\":\"").append(Instant.now())
                .append("\"},\"type\":\"searchset\",\"total\":").append(page.total()).append(",\"link\":[");
        out.append(link("self", base, path, page.query().echo(), page.query().count(), page.query().sort(),
                page.query().cursor() == null ? null : page.query().cursor().encode(), page.query().type() == null));
        if (page.next() != null) {
            out.append(',').append(link("next", base, path, page.query().echo(), page.query().count(),
                    page.query().sort(), page.next().encode(), page.query().type() == null));
        }
        if (page.previous() != null) {
            out.append(',').append(link("previous", base, path, page.query().echo(), page.query().count(),
                    page.query().sort(), page.previous().encode(), page.query().type() == null));
        }
        out.append("],\"entry\":[");
        String separator = "";
        for (DisclosedItem item : page.items()) {
            out.append(separator).append("{\"fullUrl\":\"").append(base).append('/').append(item.item().resourceType)
                    .append('/').append(item.item().id).append("\",\"resource\":").append(item.resource())
                    .append(",\"search\":{\"mode\":\"match\"}}");
            separator = ",";
        }
        if (!page.withheld().isEmpty() || !page.query().ignored().isEmpty()) {
            out.append(separator).append("{\"fullUrl\":\"urn:uuid:").append(java.util.UUID.randomUUID())
                    .append("\",\"resource\":{\"resourceType\":\"OperationOutcome\",\"issue\":[");
            String comma = "";
            for (CareCategory category : page.withheld()) {
                out.append(comma).append("{\"severity\":\"information\",\"code\":\"suppressed\",")
                        .append("\"diagnostics\":\"Information withheld: ").append(category.code()).append("\"}");
                comma = ",";
            }
            for (String ignored : page.query().ignored()) {
                out.append(comma).append("{\"severity\":\"warning\",\"code\":\"not-supported\",")
                        .append("\"diagnostics\":\"Parameter ignored: ").append(quote(ignored)).append("\"}");
                comma = ",";
            }
            out.append("]},\"search\":{\"mode\":\"outcome\"}}");
        }
        return out.append("]}").toString();
    }

    private static String link(String relation, String base, String path, Map<String, List<String>> echo, int count,
            FhirQuery.Sort sort, String cursor, boolean everything) {
        StringBuilder url = new StringBuilder(base).append('/').append(path).append('?');
        echo.forEach((name, values) -> {
            if (!name.equals("_count") && !name.equals("_sort")) {
                values.forEach(value -> url.append(encode(name)).append('=').append(encode(value)).append('&'));
            }
        });
        url.append("_count=").append(count);
        if (!everything) {
            url.append("&_sort=").append(encode(sort.parameter()));
        }
        if (cursor != null) {
            url.append("&_cursor=").append(cursor);
        }
        return "{\"relation\":\"" + relation + "\",\"url\":\"" + quote(url.toString()) + "\"}";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String quote(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }
}
