package org.kmcr.portal.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.portal.client.AuditSearchApi;
import org.kmcr.portal.client.AuditSearchClient;
import org.kmcr.portal.model.AuditSearchView;

/** The privacy officer's audit search: filters checked here, the search and its exact total from audit. */
@ApplicationScoped
public class AuditSearch {

    static final int PAGE = 25;
    /** The CSV export's size: one request of audit's largest page. */
    static final int CSV_ROWS = 5000;

    private final AuditSearchClient audit;

    AuditSearch(AuditSearchClient audit) {
        this.audit = audit;
    }

    /** What is wrong with the filters, in words; empty when the search can run. */
    public static List<String> problems(AuditSearchView.Filters filters) {
        List<String> problems = new ArrayList<>();
        String digits = NhsNumbers.digits(filters.nhsNumber());
        if (!filters.nhsNumber().isBlank() && !NhsNumber.isValid(digits)) {
            problems.add("Enter a valid 10-digit NHS number, or leave it empty");
        }
        if (!filters.org().isBlank() && !filters.org().toUpperCase(Locale.ROOT).matches("[A-Z0-9]{3,12}")) {
            problems.add("Enter an organisation code as letters and numbers, for example K81001");
        }
        if (!filters.action().isBlank() && !filters.action().matches("[a-z][a-z0-9\\-]*(\\.[a-z0-9\\-]+)*\\.?")) {
            problems.add("Enter an action such as record.summary.read, or the start of one ending in a dot");
        }
        for (String day : List.of(filters.from(), filters.to())) {
            if (!day.isBlank() && date(day) == null) {
                problems.add("Enter dates as year-month-day, for example 2026-12-01");
            }
        }
        return problems;
    }

    /** One page of the search; nothing is searched until a filter is given. */
    public Uni<AuditSearchView> search(AuditSearchView.Filters filters, int page) {
        if (isEmpty(filters)) {
            return Uni.createFrom().item(new AuditSearchView(filters, List.of(), 0, 0, 0, "", "", "", false));
        }
        return audit.search(criteria(filters), page, PAGE).map(found -> {
            int pages = (int) Math.max(1, (found.total() + PAGE - 1) / PAGE);
            String query = query(filters);
            return new AuditSearchView(filters, found.entries().stream().map(AuditSearch::row).toList(),
                    found.total(), page, pages, page > 0 ? "/privacy/audit?" + query + "&page=" + (page - 1) : "",
                    page + 1 < pages ? "/privacy/audit?" + query + "&page=" + (page + 1) : "",
                    "/privacy/audit/export.csv?" + query, true);
        }).onFailure().transform(failure -> Failures.unavailable("audit", failure));
    }

    /** The newest matching entries (up to audit's largest page) as CSV, for a spreadsheet. */
    public Uni<String> csv(AuditSearchView.Filters filters) {
        return audit.csv(criteria(filters), 0, CSV_ROWS)
                .onFailure().transform(failure -> Failures.unavailable("audit", failure));
    }

    public static boolean isEmpty(AuditSearchView.Filters f) {
        return (f.nhsNumber() + f.user() + f.org() + f.action() + f.basis() + f.from() + f.to()).isBlank();
    }

    static AuditSearchApi.Criteria criteria(AuditSearchView.Filters filters) {
        AuditSearchApi.Criteria criteria = new AuditSearchApi.Criteria();
        criteria.nhsNumber = blankToNull(NhsNumbers.digits(filters.nhsNumber()));
        criteria.userId = blankToNull(filters.user());
        criteria.org = blankToNull(filters.org().toUpperCase(Locale.ROOT));
        criteria.action = blankToNull(filters.action());
        criteria.basis = blankToNull(filters.basis());
        LocalDate from = date(filters.from());
        LocalDate to = date(filters.to());
        criteria.from = from == null ? null : from.atStartOfDay(SummaryViews.UK).toInstant().toString();
        criteria.to = to == null ? null : to.plusDays(1).atStartOfDay(SummaryViews.UK).toInstant().toString();
        return criteria;
    }

    static String query(AuditSearchView.Filters f) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("nhsNumber", f.nhsNumber());
        fields.put("user", f.user());
        fields.put("org", f.org());
        fields.put("action", f.action());
        fields.put("basis", f.basis());
        fields.put("from", f.from());
        fields.put("to", f.to());
        return fields.entrySet().stream().filter(field -> !field.getValue().isBlank())
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static AuditSearchView.Row row(AuditSearchApi.Entry e) {
        String who = (e.actorName() == null ? e.actorUserId() : e.actorName())
                + (e.actorRole() == null ? "" : " (" + e.actorRole() + ")");
        String basis = e.accessBasis() == null ? "" : e.accessBasis()
                + (e.breakGlassReason() == null ? "" : ": " + e.breakGlassReason());
        return new AuditSearchView.Row(e.sequence(), e.occurredAt() == null ? "" : SummaryViews.dayTime(e.occurredAt()),
                e.action(), e.outcome(), who, e.actorOrg() == null ? "" : e.actorOrg(), basis,
                e.subjectNhsNumber() == null ? "" : NhsNumbers.spaced(e.subjectNhsNumber()),
                e.categories() == null ? "" : String.join(", ", e.categories()), "break-glass".equals(e.accessBasis()));
    }

    private static LocalDate date(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
