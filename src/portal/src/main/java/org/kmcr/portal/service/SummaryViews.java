package org.kmcr.portal.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kmcr.common.record.AccessGrant;
import org.kmcr.common.record.ItemConflict;
import org.kmcr.common.record.PersonHeader;
import org.kmcr.common.record.Provenance;
import org.kmcr.common.record.RecordItem;
import org.kmcr.common.record.RecordSummary;
import org.kmcr.common.record.SourceFreshness;
import org.kmcr.portal.model.Categories;
import org.kmcr.portal.model.SummaryView;

/** Turns record's summary (the common contract) into the summary page: a pure function of the answer and now. */
public final class SummaryViews {

    static final ZoneId UK = ZoneId.of("Europe/London");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    private SummaryViews() {
    }

    /**
     * @param organisationNames partner names by ODS code (an unknown organisation is shown by its code)
     * @param plainEnglish      the citizen's own record: titles in plain English
     */
    public static SummaryView of(RecordSummary summary, Map<String, String> organisationNames, boolean plainEnglish,
            Instant now) {
        Set<UUID> inConflict = new HashSet<>();
        Map<UUID, String> displays = new java.util.HashMap<>();
        Map<String, List<RecordItem>> categories = summary.categories() == null ? Map.of() : summary.categories();
        categories.values().forEach(items -> items.forEach(item -> displays.put(item.id(), item.display())));
        List<SummaryView.ConflictView> conflicts = new ArrayList<>();
        for (ItemConflict conflict : summary.conflicts() == null ? List.<ItemConflict>of() : summary.conflicts()) {
            inConflict.addAll(conflict.items());
            conflicts.add(new SummaryView.ConflictView(conflict.explanation(),
                    String.join(", ", conflict.items().stream().map(id -> displays.getOrDefault(id, "an item")).toList())));
        }
        Set<String> withheld = new HashSet<>(summary.withheld() == null ? List.of() : summary.withheld());
        Set<String> codes = new LinkedHashSet<>(Categories.ORDER.keySet());
        codes.addAll(categories.keySet());
        List<SummaryView.Card> cards = new ArrayList<>();
        for (String code : codes) {
            List<RecordItem> items = categories.getOrDefault(code, List.of());
            if (items.isEmpty() && !withheld.contains(code) && !categories.containsKey(code)) {
                continue;
            }
            cards.add(new SummaryView.Card(code, Categories.title(code, plainEnglish),
                    items.stream().map(item -> row(item, inConflict, organisationNames, now)).toList(),
                    withheld.contains(code)));
        }
        List<String> stale = new ArrayList<>();
        for (SourceFreshness source : summary.sources() == null ? List.<SourceFreshness>of() : summary.sources()) {
            if (source.stale()) {
                stale.add(organisation(source.sourceOrg(), organisationNames) + ": nothing received since "
                        + (source.lastContact() == null ? "it was registered" : dayTime(source.lastContact()))
                        + ". Items from it may be out of date.");
            }
        }
        return new SummaryView(person(summary.person(), organisationNames), access(summary.access()), stale,
                conflicts, cards);
    }

    static SummaryView.Row row(RecordItem item, Set<UUID> inConflict, Map<String, String> names, Instant now) {
        List<String> sources = new ArrayList<>();
        for (Provenance source : item.sources() == null ? List.<Provenance>of() : item.sources()) {
            Instant when = source.recordedAt() != null ? source.recordedAt() : source.receivedAt();
            sources.add(organisation(source.sourceOrg(), names) + (when == null ? "" : ", recorded " + age(when, now)));
        }
        String display = item.display() == null ? item.code() : item.display();
        // the citizen's "ask for a correction" link, to the organisation that sent the entry most recently
        String correction = item.sources() == null || item.sources().isEmpty() || display == null ? null
                : "/my-record/requests?organisation=" + URLEncoder.encode(item.sources().get(0).sourceOrg(),
                        StandardCharsets.UTF_8) + "&item="
                        + URLEncoder.encode(display, StandardCharsets.UTF_8)
                        + "#correction-heading";
        return new SummaryView.Row(display, item.status(),
                item.effectiveAt() == null ? null : day(item.effectiveAt()), sources, inConflict.contains(item.id()),
                correction);
    }

    static SummaryView.PersonView person(PersonHeader person, Map<String, String> names) {
        if (person == null) {
            return new SummaryView.PersonView("Name withheld", null, null, null, null, null, null, null);
        }
        List<String> gps = person.registeredGpPractices() == null ? List.of() : person.registeredGpPractices();
        return new SummaryView.PersonView(person.name(), NhsNumbers.spaced(person.nhsNumber()), person.nhsNumber(),
                person.birthDate() == null ? null : day(java.time.LocalDate.parse(person.birthDate())),
                person.gender(), person.postcode(),
                gps.isEmpty() ? null : String.join(", ", gps.stream().map(gp -> organisation(gp, names)).toList()),
                person.headerSource() == null ? null : organisation(person.headerSource(), names));
    }

    static SummaryView.AccessView access(AccessGrant access) {
        if (access == null) {
            return new SummaryView.AccessView(null, null, false, false, false);
        }
        return new SummaryView.AccessView(access.basis(), access.reason(), access.brokeGlass(),
                "self-claimed".equals(access.basis()), access.privacyOfficerAlerted());
    }

    /** "Kingsmere Medical Centre (K81001)", or the code alone when the name is not known. */
    public static String organisation(String odsCode, Map<String, String> names) {
        if (odsCode == null) {
            return "an unknown organisation";
        }
        String name = names.get(odsCode);
        return name == null ? odsCode : name + " (" + odsCode + ")";
    }

    /** How long ago, in words: "today", "3 days ago", "2 months ago", "4 years ago". */
    public static String age(Instant when, Instant now) {
        long days = Duration.between(when, now).toDays();
        if (days < 1) {
            return "today";
        }
        if (days < 61) {
            return days == 1 ? "1 day ago" : days + " days ago";
        }
        if (days < 730) {
            return (days / 30) + " months ago";
        }
        return (days / 365) + " years ago";
    }

    public static String day(Instant when) {
        return DAY.format(when.atZone(UK));
    }

    static String day(java.time.LocalDate date) {
        return DAY.format(date);
    }

    public static String dayTime(Instant when) {
        return DAY_TIME.format(when.atZone(UK));
    }
}
