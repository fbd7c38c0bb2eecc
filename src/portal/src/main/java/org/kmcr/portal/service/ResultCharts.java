package org.kmcr.portal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.kmcr.portal.model.ResultsView;
import org.kmcr.portal.model.ResultsView.Chart;

/**
 * A person's numeric observations (a FHIR searchset Bundle from record) as result series: grouped by test code,
 * each value flagged against its reference range, and a repeated test drawn as a line over the range's band.
 */
public final class ResultCharts {

    static final double LEFT = 44;
    static final double RIGHT = Chart.WIDTH - 8;
    static final double TOP = 8;
    static final double BOTTOM = Chart.HEIGHT - 22;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultCharts() {
    }

    /** One observation with a numeric value, as read from its FHIR JSON. */
    record Reading(String code, String name, Instant when, BigDecimal value, String unit, BigDecimal low,
            BigDecimal high, String rangeText, String source) {
    }

    public static ResultsView of(String nhsNumber, String bundle) {
        Map<String, List<Reading>> byTest = new LinkedHashMap<>();
        readings(bundle).stream().sorted(Comparator.comparing(Reading::when))
                .forEach(r -> byTest.computeIfAbsent(r.code(), code -> new ArrayList<>()).add(r));
        // newest test first: sort by the instant, not its words
        List<ResultsView.Series> series = byTest.values().stream()
                .sorted(Comparator.comparing((List<Reading> r) -> r.get(r.size() - 1).when()).reversed())
                .map(ResultCharts::series).toList();
        return new ResultsView(nhsNumber, NhsNumbers.spaced(nhsNumber), series);
    }

    static List<Reading> readings(String bundle) {
        JsonNode root;
        try {
            root = JSON.readTree(bundle);
        } catch (IOException unreadable) {
            throw new IllegalStateException("record answered a bundle that is not JSON", unreadable);
        }
        List<Reading> readings = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            JsonNode o = entry.path("resource");
            JsonNode quantity = o.path("valueQuantity");
            JsonNode coding = o.path("code").path("coding").path(0);
            Instant when = instant(o.path("effectiveDateTime").asText(o.path("issued").asText("")));
            if (!"Observation".equals(o.path("resourceType").asText()) || !quantity.path("value").isNumber()
                    || when == null || "entered-in-error".equals(o.path("status").asText())) {
                continue;
            }
            JsonNode range = o.path("referenceRange").path(0);
            String code = coding.path("system").asText() + "|" + coding.path("code").asText(o.path("code")
                    .path("text").asText());
            String name = o.path("code").path("text").asText(coding.path("display").asText(coding.path("code")
                    .asText()));
            readings.add(new Reading(code, name, when, quantity.path("value").decimalValue(),
                    quantity.path("unit").asText(quantity.path("code").asText("")),
                    range.path("low").path("value").isNumber() ? range.path("low").path("value").decimalValue() : null,
                    range.path("high").path("value").isNumber() ? range.path("high").path("value").decimalValue()
                            : null,
                    range.path("text").asText(""), o.path("performer").path(0).path("display").asText("")));
        }
        return readings;
    }

    static ResultsView.Series series(List<Reading> readings) {
        Reading latest = readings.get(readings.size() - 1);
        BigDecimal low = latest.low();
        BigDecimal high = latest.high();
        double min = readings.stream().mapToDouble(r -> r.value().doubleValue()).min().orElse(0);
        double max = readings.stream().mapToDouble(r -> r.value().doubleValue()).max().orElse(0);
        if (low != null) {
            min = Math.min(min, low.doubleValue());
        }
        if (high != null) {
            max = Math.max(max, high.doubleValue());
        }
        double pad = max > min ? (max - min) * 0.1 : Math.max(1, Math.abs(max) * 0.1);
        double bottomValue = min - pad;
        double topValue = max + pad;
        long start = readings.get(0).when().getEpochSecond();
        long span = latest.when().getEpochSecond() - start;
        List<ResultsView.Point> points = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            Reading r = readings.get(i);
            double x = span == 0 ? (LEFT + RIGHT) / 2
                    : LEFT + (RIGHT - LEFT) * (r.when().getEpochSecond() - start) / span;
            if (span == 0 && readings.size() > 1) {
                x = LEFT + (RIGHT - LEFT) * i / (readings.size() - 1);
            }
            points.add(new ResultsView.Point(SummaryViews.day(r.when()), plain(r.value()), flag(r), r.source(),
                    round(x), round(y(r.value().doubleValue(), bottomValue, topValue))));
        }
        Chart chart = null;
        if (readings.size() > 1) {
            double bandTop = high == null ? TOP : y(high.doubleValue(), bottomValue, topValue);
            double bandBottom = low == null ? BOTTOM : y(low.doubleValue(), bottomValue, topValue);
            boolean band = low != null || high != null;
            chart = new Chart(points.stream().map(p -> p.x() + "," + p.y()).collect(Collectors.joining(" ")),
                    round(bandTop), band ? round(bandBottom - bandTop) : 0, number(topValue), number(bottomValue),
                    points.get(0).when(), points.get(points.size() - 1).when());
        }
        String range = !latest.rangeText().isBlank() ? latest.rangeText()
                : low != null && high != null ? plain(low) + " to " + plain(high)
                : low != null ? "above " + plain(low) : high != null ? "below " + plain(high) : "";
        String id = latest.code().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT);
        return new ResultsView.Series(id, latest.name(), latest.unit(), range, points.get(points.size() - 1), points,
                chart);
    }

    static String flag(Reading r) {
        if (r.high() != null && r.value().compareTo(r.high()) > 0) {
            return "High";
        }
        if (r.low() != null && r.value().compareTo(r.low()) < 0) {
            return "Low";
        }
        return "";
    }

    private static double y(double value, double bottomValue, double topValue) {
        return BOTTOM - (BOTTOM - TOP) * (value - bottomValue) / (topValue - bottomValue);
    }

    private static double round(double coordinate) {
        return Math.round(coordinate * 10) / 10.0;
    }

    private static String number(double value) {
        return plain(BigDecimal.valueOf(value).setScale(Math.abs(value) < 10 ? 1 : 0, java.math.RoundingMode.HALF_UP));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static Instant instant(String dateTime) {
        if (dateTime == null || dateTime.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(dateTime).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return java.time.LocalDate.parse(dateTime).atStartOfDay(SummaryViews.UK).toInstant();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
