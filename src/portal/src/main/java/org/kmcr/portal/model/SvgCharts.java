package org.kmcr.portal.model;

import java.util.List;
import java.util.Locale;
import org.kmcr.common.analytics.Cell;

/**
 * Charts drawn on the server as SVG (the portal's CSP allows no inline script): a line for a trend and bars for a
 * breakdown. Suppressed cells are drawn as a gap (line) or a hatched stub marked {@code *} (bar), never as a number.
 * Every label is escaped; each chart has a title and a description for assistive technology, and the page shows
 * the same figures as a table.
 */
public final class SvgCharts {

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    static final int LEFT = 48;
    static final int BOTTOM = 40;
    static final int TOP = 16;

    private SvgCharts() {
    }

    /** A trend line over the cells in order; gaps where a cell is suppressed. */
    public static String line(String id, String title, List<Cell> cells) {
        int max = niceMax(cells);
        StringBuilder svg = open(id, title, "Line chart of " + title + ", " + cells.size() + " points; suppressed "
                + "weeks are gaps. The figures are in the table below.");
        axes(svg, max);
        double step = cells.size() > 1 ? (WIDTH - LEFT - 16) / (double) (cells.size() - 1) : 0;
        StringBuilder path = new StringBuilder();
        boolean drawing = false;
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            double x = LEFT + i * step;
            if (cell.suppressed()) {
                drawing = false;
                svg.append(text(x, HEIGHT - BOTTOM - 4, "*", "kmcr-chart__suppressed"));
            } else {
                double y = y(cell.count(), max);
                path.append(drawing ? " L" : " M").append(num(x)).append(' ').append(num(y));
                drawing = true;
                svg.append("<circle class=\"kmcr-chart__point\" cx=\"").append(num(x)).append("\" cy=\"")
                        .append(num(y)).append("\" r=\"3\"/>");
            }
            if (cells.size() <= 13 || i % 2 == 0) {
                svg.append(text(x, HEIGHT - BOTTOM + 16, shortLabel(cell.group()), "kmcr-chart__label"));
            }
        }
        if (!path.isEmpty()) {
            svg.append("<path class=\"kmcr-chart__line\" d=\"").append(path.toString().trim()).append("\"/>");
        }
        return svg.append("</svg>").toString();
    }

    /** Vertical bars, one per cell. */
    public static String bars(String id, String title, List<Cell> cells) {
        int max = niceMax(cells);
        StringBuilder svg = open(id, title, "Bar chart of " + title + ", " + cells.size() + " bars; a bar marked * is "
                + "suppressed. The figures are in the table below.");
        axes(svg, max);
        double slot = cells.isEmpty() ? 0 : (WIDTH - LEFT - 8) / (double) cells.size();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            double x = LEFT + i * slot + slot * 0.15;
            double w = slot * 0.7;
            if (cell.suppressed()) {
                svg.append("<rect class=\"kmcr-chart__bar kmcr-chart__bar--suppressed\" x=\"").append(num(x))
                        .append("\" y=\"").append(HEIGHT - BOTTOM - 6).append("\" width=\"").append(num(w))
                        .append("\" height=\"6\"/>");
                svg.append(text(x + w / 2, HEIGHT - BOTTOM - 10, "*", "kmcr-chart__suppressed"));
            } else {
                double y = y(cell.count(), max);
                svg.append("<rect class=\"kmcr-chart__bar\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
                        .append("\" width=\"").append(num(w)).append("\" height=\"")
                        .append(num(HEIGHT - BOTTOM - y)).append("\"/>");
            }
            svg.append(text(x + w / 2, HEIGHT - BOTTOM + 16, shortLabel(cell.group()), "kmcr-chart__label"));
        }
        return svg.append("</svg>").toString();
    }

    static StringBuilder open(String id, String title, String description) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"kmcr-chart\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"").append(id)
                .append("-title ").append(id).append("-desc\" id=\"").append(id).append("\"><title id=\"").append(id)
                .append("-title\">").append(escape(title)).append("</title><desc id=\"").append(id).append("-desc\">")
                .append(escape(description)).append("</desc>");
    }

    private static void axes(StringBuilder svg, int max) {
        svg.append("<line class=\"kmcr-chart__axis\" x1=\"").append(LEFT).append("\" y1=\"").append(HEIGHT - BOTTOM)
                .append("\" x2=\"").append(WIDTH - 8).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>");
        for (int tick = 0; tick <= 4; tick++) {
            int value = max * tick / 4;
            double y = y(value, max);
            svg.append("<line class=\"kmcr-chart__grid\" x1=\"").append(LEFT).append("\" y1=\"").append(num(y))
                    .append("\" x2=\"").append(WIDTH - 8).append("\" y2=\"").append(num(y)).append("\"/>");
            svg.append("<text class=\"kmcr-chart__tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(num(y + 4))
                    .append("\" text-anchor=\"end\">").append(value).append("</text>");
        }
    }

    static int niceMax(List<Cell> cells) {
        int max = cells.stream().filter(c -> !c.suppressed()).mapToInt(Cell::count).max().orElse(0);
        int nice = 10;
        while (nice < max) {
            nice = nice * 2 <= 50 || nice < 50 ? nice * 2 : nice + nice / 2;
        }
        return Math.max(nice, 10);
    }

    private static double y(int value, int max) {
        return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * (value / (double) max);
    }

    private static String text(double x, double y, String label, String cssClass) {
        return "<text class=\"" + cssClass + "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"middle\">"
                + escape(label) + "</text>";
    }

    /** A week's date as day and month; other labels as they are, cut to fit. */
    static String shortLabel(String group) {
        if (group != null && group.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return group.substring(8) + "/" + group.substring(5, 7);
        }
        return group == null ? "" : group.length() > 10 ? group.substring(0, 9) + "…" : group;
    }

    static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
