package org.kmcr.systemtests.bench.county;

/**
 * The size of the synthetic county: how many persons, how many care items in all, the seed, and the one very large
 * record. From system properties, so that the same code loads 200,000 persons or the whole region's 1.8 million:
 * {@code -Dkmcr.county.persons=1800000 -Dkmcr.county.items=90000000}.
 *
 * @param persons         persons in the identity index (each with a PDS and a GP source identity, most with a trust one)
 * @param items           care items in all, the large record's included (approximately: sizes are drawn, then scaled)
 * @param largeItems      the items of the one very large record (person 0)
 * @param seed            everything generated follows from it
 * @param copyConnections COPY streams loading care items in parallel
 */
public record CountyShape(int persons, long items, int largeItems, long seed, int copyConnections) {

    public static CountyShape fromSystemProperties() {
        return new CountyShape(Integer.getInteger("kmcr.county.persons", 200_000),
                Long.getLong("kmcr.county.items", 10_000_000L),
                Integer.getInteger("kmcr.county.large-items", 100_000),
                Long.getLong("kmcr.county.seed", 20261201L),
                Integer.getInteger("kmcr.county.copy-connections", 2));
    }

    public CountyShape {
        if (persons < 2 || items < persons || largeItems < 1 || copyConnections < 1) {
            throw new IllegalArgumentException("A county needs at least 2 persons and an item per person: " + this);
        }
    }
}
