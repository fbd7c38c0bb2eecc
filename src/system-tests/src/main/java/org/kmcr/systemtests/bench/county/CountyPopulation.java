package org.kmcr.systemtests.bench.county;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.kmcr.systemtests.stack.DemoRegion;

/**
 * The persons of the county, deterministic from the seed. Record sizes are long-tailed as in a real region: drawn
 * from a log-normal distribution (median about a half of the mean; a few hundred people with thousands of items,
 * most with a few dozen), capped at {@link #TAIL_CAP}, then scaled so that the whole county has the shape's item
 * count. Person 0 is the one very large record. Registered at K81001 (60%) or K81002; 65% also known to the trust.
 */
public final class CountyPopulation {

    static final int TAIL_CAP = 5_000;
    /** Patient items of each identity come on top of the drawn size's clinical items. */
    static final double SIGMA = 1.2;

    private static final String[] FAMILY = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson",
        "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
        "Wood", "Jackson", "Clarke", "Khan", "Hughes", "Edwards", "Lewis", "Turner", "Hill", "Cooper", "Ward", "Morris",
        "Harris", "Martin", "King", "Baker", "Allen", "Begum", "Ali", "Singh", "Murphy", "Kelly"};
    private static final String[] GIVEN_F = {"Olivia", "Amelia", "Isla", "Ava", "Mia", "Grace", "Freya", "Lily",
        "Emily", "Sophia", "Margaret", "Susan", "Patricia", "Aisha", "Fatima", "Priya", "Joan", "Elizabeth"};
    private static final String[] GIVEN_M = {"Oliver", "George", "Noah", "Arthur", "Leo", "Harry", "Oscar", "Jack",
        "Muhammad", "Thomas", "David", "John", "Peter", "Michael", "Ravi", "Daniel", "James", "William"};
    private static final String[] AREAS = {"KM1", "KM2", "KM3", "KM4", "KM5", "KM6", "KM7", "KM8", "KM9", "KM10"};

    private final CountyShape shape;
    private final List<CountyPerson> persons;

    private CountyPopulation(CountyShape shape, List<CountyPerson> persons) {
        this.shape = shape;
        this.persons = persons;
    }

    public static CountyPopulation generate(CountyShape shape) {
        SplittableRandom sizes = new SplittableRandom(shape.seed());
        double median = 25;
        double[] drawn = new double[shape.persons()];
        double sum = 0;
        for (int i = 1; i < drawn.length; i++) {
            drawn[i] = Math.min(TAIL_CAP, Math.exp(Math.log(median) + SIGMA * gaussian(sizes)));
            sum += drawn[i];
        }
        double scale = (shape.items() - shape.largeItems()) / sum;
        NhsNumbers numbers = new NhsNumbers();
        List<CountyPerson> persons = new ArrayList<>(shape.persons());
        for (int i = 0; i < shape.persons(); i++) {
            SplittableRandom random = new SplittableRandom(shape.seed() * 31 + i);
            int items = i == 0 ? shape.largeItems() : Math.max(3, (int) Math.round(drawn[i] * scale));
            boolean female = random.nextBoolean();
            String gp = random.nextInt(10) < 6 ? DemoRegion.GP_PRACTICE : DemoRegion.SECOND_GP_PRACTICE;
            boolean atTrust = i == 0 || random.nextInt(100) < 65;
            int year = 1930 + random.nextInt(95);
            persons.add(new CountyPerson(i, uuid(random), numbers.next(), FAMILY[random.nextInt(FAMILY.length)],
                    female ? GIVEN_F[random.nextInt(GIVEN_F.length)] : GIVEN_M[random.nextInt(GIVEN_M.length)],
                    String.format("%04d-%02d-%02d", year, 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    female ? "female" : "male",
                    AREAS[random.nextInt(AREAS.length)] + " " + (1 + random.nextInt(9))
                            + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)),
                    i == 0 ? DemoRegion.GP_PRACTICE : gp, uuid(random), uuid(random),
                    atTrust ? uuid(random) : null, items));
        }
        return new CountyPopulation(shape, persons);
    }

    public CountyShape shape() {
        return shape;
    }

    public List<CountyPerson> persons() {
        return persons;
    }

    public CountyPerson large() {
        return persons.get(0);
    }

    public long totalItems() {
        return persons.stream().mapToLong(CountyPerson::items).sum();
    }

    /** A random version-4 UUID from the generator: deterministic, and fast enough for ten million items. */
    static UUID uuid(SplittableRandom random) {
        long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
