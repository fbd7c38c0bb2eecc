package org.kmcr.identity.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The Fellegi-Sunter parameters: for every field and agreement level, m (the share of true matches at that level)
 * and u (the share of non-matches), the prior share of matches among blocked candidate pairs, and the two
 * thresholds on the match probability (link at or above {@code link}; a review between {@code review} and
 * {@code link}; a new person below). The shipped values ({@code matching/weights.properties}) were estimated by
 * {@link ExpectationMaximisation} from a loaded index; see docs/architecture.md for the command that re-estimates
 * them.
 */
public record Weights(Map<MatchField, Map<Agreement, Double>> m, Map<MatchField, Map<Agreement, Double>> u,
        double prior, double link, double review, double minimumU) {

    private static final String RESOURCE = "/matching/weights.properties";
    /** No level is ever certain either way: m and u stay within [FLOOR, 1 - FLOOR]. */
    static final double FLOOR = 1e-6;
    private static final Weights SHIPPED = load();

    public static Weights shipped() {
        return SHIPPED;
    }

    /** log2(m/u): what agreeing at this level adds to the match weight (negative when it speaks against). */
    public double weight(MatchField field, Agreement level) {
        if (level == Agreement.MISSING) {
            return 0;
        }
        return log2(m(field, level) / u(field, level));
    }

    public double m(MatchField field, Agreement level) {
        return m.get(field).get(level);
    }

    public double u(MatchField field, Agreement level) {
        return u.get(field).get(level);
    }

    /** The prior odds as a weight: log2(prior / (1 - prior)). */
    public double priorWeight() {
        return log2(prior / (1 - prior));
    }

    /** The probability that a pair with this total field weight is a match. */
    public double probability(double fieldWeight) {
        return 1 / (1 + Math.pow(2, -(fieldWeight + priorWeight())));
    }

    /** The same thresholds with other m, u and prior, as EM estimates them. */
    public Weights with(Map<MatchField, Map<Agreement, Double>> newM, Map<MatchField, Map<Agreement, Double>> newU,
            double newPrior) {
        return new Weights(newM, newU, newPrior, link, review, minimumU);
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    public static Weights parse(Properties properties) {
        Map<MatchField, Map<Agreement, Double>> m = new EnumMap<>(MatchField.class);
        Map<MatchField, Map<Agreement, Double>> u = new EnumMap<>(MatchField.class);
        for (MatchField field : MatchField.values()) {
            m.put(field, new EnumMap<>(Agreement.class));
            u.put(field, new EnumMap<>(Agreement.class));
            for (Agreement level : field.levels()) {
                m.get(field).put(level, number(properties, field.key() + "." + level.name() + ".m"));
                u.get(field).put(level, number(properties, field.key() + "." + level.name() + ".u"));
            }
        }
        return new Weights(m, u, number(properties, "prior"), number(properties, "threshold.link"),
                number(properties, "threshold.review"), number(properties, "tf.minimum-u"));
    }

    /** The parameters in the shipped file's form, sorted, for a re-estimation to write. */
    public String format() {
        Map<String, String> lines = new TreeMap<>();
        lines.put("prior", String.format(Locale.ROOT, "%.6g", prior));
        lines.put("threshold.link", String.valueOf(link));
        lines.put("threshold.review", String.valueOf(review));
        lines.put("tf.minimum-u", String.valueOf(minimumU));
        for (MatchField field : MatchField.values()) {
            for (Agreement level : field.levels()) {
                String key = field.key() + "." + level.name();
                lines.put(key + ".m", String.format(Locale.ROOT, "%.6g", m(field, level)));
                lines.put(key + ".u", String.format(Locale.ROOT, "%.6g", u(field, level)));
            }
        }
        StringWriter out = new StringWriter();
        lines.forEach((key, value) -> out.append(key).append('=').append(value).append('\n'));
        return out.toString();
    }

    private static double number(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("The matching weights have no " + key);
        }
        return Double.parseDouble(value.strip());
    }

    private static Weights load() {
        try (InputStream in = Weights.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            Properties properties = new Properties();
            properties.load(in);
            return parse(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
