package org.kmcr.portal.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kmcr.common.analytics.Cell;

/**
 * The map of postcode districts, drawn as SVG from the shipped open boundary file
 * ({@code analytics/kingsmere-districts.geojson}, see its licence field): no tile server, nothing fetched. Each
 * district is shaded by its published count (suppressed: hatched, labelled {@code *}).
 */
public final class DistrictMap {

    public static final String BOUNDARIES = "analytics/kingsmere-districts.geojson";
    static final int WIDTH = 640;
    static final int HEIGHT = 300;

    private final List<District> districts;
    private final double minLon;
    private final double maxLon;
    private final double minLat;
    private final double maxLat;

    record District(String code, String name, List<double[]> ring) {
    }

    private DistrictMap(List<District> districts) {
        this.districts = districts;
        this.minLon = districts.stream().flatMap(d -> d.ring().stream()).mapToDouble(p -> p[0]).min().orElse(0);
        this.maxLon = districts.stream().flatMap(d -> d.ring().stream()).mapToDouble(p -> p[0]).max().orElse(1);
        this.minLat = districts.stream().flatMap(d -> d.ring().stream()).mapToDouble(p -> p[1]).min().orElse(0);
        this.maxLat = districts.stream().flatMap(d -> d.ring().stream()).mapToDouble(p -> p[1]).max().orElse(1);
    }

    /** The shipped boundaries, read once. */
    public static DistrictMap shipped() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(BOUNDARIES)) {
            if (in == null) {
                throw new IllegalStateException("The boundary file " + BOUNDARIES + " is not on the class path");
            }
            return of(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DistrictMap of(JsonNode geoJson) {
        List<District> districts = new ArrayList<>();
        for (JsonNode feature : geoJson.path("features")) {
            List<double[]> ring = new ArrayList<>();
            for (JsonNode point : feature.path("geometry").path("coordinates").path(0)) {
                ring.add(new double[] {point.path(0).asDouble(), point.path(1).asDouble()});
            }
            districts.add(new District(feature.path("properties").path("district").asText(),
                    feature.path("properties").path("name").asText(), ring));
        }
        return new DistrictMap(districts);
    }

    /** The districts the boundary file has, in its order. */
    public List<String> codes() {
        return districts.stream().map(District::code).toList();
    }

    /** The map as SVG, each district shaded by its cell (by group = district code); no cell: no data. */
    public String svg(String id, String title, Map<String, Cell> cells) {
        int max = cells.values().stream().filter(c -> !c.suppressed()).mapToInt(Cell::count).max().orElse(0);
        StringBuilder svg = SvgCharts.open(id, title, "Map of postcode districts shaded by " + title
                + "; districts marked * are suppressed. The figures are in the table below.");
        svg.append("<defs><pattern id=\"").append(id).append("-hatch\" width=\"6\" height=\"6\" "
                + "patternUnits=\"userSpaceOnUse\"><path d=\"M0 6 L6 0\" class=\"kmcr-map__hatch\"/></pattern></defs>");
        for (District district : districts) {
            Cell cell = cells.get(district.code());
            StringBuilder points = new StringBuilder();
            double cx = 0;
            double cy = 0;
            for (double[] p : district.ring()) {
                double x = x(p[0]);
                double y = y(p[1]);
                points.append(SvgCharts.num(x)).append(',').append(SvgCharts.num(y)).append(' ');
                cx += x;
                cy += y;
            }
            int n = Math.max(1, district.ring().size());
            cx /= n;
            cy /= n;
            String fill = cell == null ? "class=\"kmcr-map__area kmcr-map__area--none\""
                    : cell.suppressed() ? "class=\"kmcr-map__area\" fill=\"url(#" + id + "-hatch)\""
                    : "class=\"kmcr-map__area kmcr-map__area--" + shade(cell.count(), max) + "\"";
            String value = cell == null ? "no data" : cell.value();
            svg.append("<polygon ").append(fill).append(" points=\"").append(points.toString().trim())
                    .append("\"><title>").append(SvgCharts.escape(district.code() + " " + district.name() + ": "
                            + value)).append("</title></polygon>");
            svg.append("<text class=\"kmcr-map__label\" x=\"").append(SvgCharts.num(cx)).append("\" y=\"")
                    .append(SvgCharts.num(cy)).append("\" text-anchor=\"middle\">")
                    .append(SvgCharts.escape(district.code())).append("</text>");
            svg.append("<text class=\"kmcr-map__value\" x=\"").append(SvgCharts.num(cx)).append("\" y=\"")
                    .append(SvgCharts.num(cy + 16)).append("\" text-anchor=\"middle\">")
                    .append(SvgCharts.escape(value)).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** One of 5 shades (1 lightest); 0 people is shade 0. */
    static int shade(int count, int max) {
        if (count == 0 || max == 0) {
            return 0;
        }
        return Math.min(5, 1 + (int) (4.0 * count / max));
    }

    private double x(double lon) {
        return 8 + (WIDTH - 16) * (lon - minLon) / (maxLon - minLon);
    }

    private double y(double lat) {
        return 8 + (HEIGHT - 16) * (maxLat - lat) / (maxLat - minLat);
    }
}
