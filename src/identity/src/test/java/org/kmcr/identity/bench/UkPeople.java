package org.kmcr.identity.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.identity.model.Demographics;

/**
 * A generated, UK-flavoured labelled set (Datafaker en-GB names, towns, postcodes, telephone numbers): people with
 * one to four records from different sources, and the errors real sources make: nicknames, a surname changed by
 * marriage, day and month swapped, typos, moves, a missing or mistyped NHS number; and the people the MPI must not
 * merge: twins (same surname, birth date and address, another first name) and a parent and child of one name.
 */
final class UkPeople {

    private static final String[][] NICKNAMES = {{"William", "Bill"}, {"Robert", "Bob"}, {"Elizabeth", "Liz"},
        {"Margaret", "Maggie"}, {"James", "Jim"}, {"Katherine", "Kate"}, {"Thomas", "Tom"}, {"Michael", "Mike"},
        {"Jennifer", "Jenny"}, {"Susan", "Sue"}, {"Edward", "Ted"}, {"Christopher", "Chris"}, {"Alexander", "Alex"},
        {"Victoria", "Vicky"}, {"Patricia", "Pat"}, {"Richard", "Rick"}, {"Deborah", "Debbie"}, {"Anthony", "Tony"}};

    private final Random random;
    private final Faker faker;

    UkPeople(long seed) {
        this.random = new Random(seed);
        this.faker = new Faker(Locale.UK, new Random(seed));
    }

    private record Person(String cluster, String nhsNumber, String given, String nickname, String family,
            LocalDate born, String gender, String address, String town, String postcode, String telephone) {
    }

    List<LabelledRecord> generate(int people) {
        List<Person> persons = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            Person p = person("P" + i);
            persons.add(p);
            if (random.nextDouble() < 0.08) {
                persons.add(new Person("P" + i + "-twin", nhsNumber(), otherGiven(p.given()), null, p.family(),
                        p.born(), gender(), p.address(), p.town(), p.postcode(), p.telephone()));
            }
            if (random.nextDouble() < 0.05) {
                persons.add(new Person("P" + i + "-child", nhsNumber(), p.given(), p.nickname(), p.family(),
                        p.born().plusYears(22 + random.nextInt(15)), p.gender(), p.address(), p.town(), p.postcode(),
                        p.telephone()));
            }
        }
        List<LabelledRecord> records = new ArrayList<>();
        for (Person p : persons) {
            int count = 1 + random.nextInt(4);
            for (int k = 0; k < count; k++) {
                records.add(record(p, k));
            }
        }
        java.util.Collections.shuffle(records, random);
        return records;
    }

    private Person person(String cluster) {
        String given;
        String nickname = null;
        if (random.nextDouble() < 0.3) {
            String[] pair = NICKNAMES[random.nextInt(NICKNAMES.length)];
            given = pair[0];
            nickname = pair[1];
        } else {
            given = faker.name().firstName();
        }
        LocalDate born = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(90 * 365));
        return new Person(cluster, nhsNumber(), given, nickname, faker.name().lastName(), born, gender(),
                faker.address().streetAddress(), faker.address().city(), faker.address().postcode(),
                faker.phoneNumber().phoneNumber());
    }

    /** The first record of a person is as registered; later ones carry the errors of other sources. */
    private LabelledRecord record(Person p, int k) {
        String nhs = p.nhsNumber();
        String given = p.given();
        String family = p.family();
        LocalDate born = p.born();
        String address = p.address();
        String town = p.town();
        String postcode = p.postcode();
        String telephone = p.telephone();
        String birthDate = born.toString();
        if (k > 0) {
            double r = random.nextDouble();
            nhs = r < 0.5 ? null : r < 0.55 ? mistype(nhs) : nhs;
            if (p.nickname() != null && random.nextDouble() < 0.5) {
                given = p.nickname();
            }
            if ("female".equals(p.gender()) && random.nextDouble() < 0.1) {
                family = faker.name().lastName();
            }
            if (random.nextDouble() < 0.08) {
                family = typo(family);
            }
            if (random.nextDouble() < 0.08) {
                given = typo(given);
            }
            if (born.getDayOfMonth() <= 12 && random.nextDouble() < 0.06) {
                birthDate = LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue()).toString();
            }
            if (random.nextDouble() < 0.15) {
                address = faker.address().streetAddress();
                town = faker.address().city();
                postcode = faker.address().postcode();
            }
            if (random.nextDouble() < 0.05) {
                postcode = null;
            }
            telephone = random.nextDouble() < 0.5 ? null : telephone;
        }
        return new LabelledRecord("G" + p.cluster() + "-" + k, p.cluster(), nhs, new Demographics(family,
                List.of(given), birthDate, p.gender(), List.of(address), town, postcode, telephone, null, null));
    }

    private String nhsNumber() {
        while (true) {
            String nine = String.format("%09d", random.nextInt(1_000_000_000));
            int check = NhsNumber.checkDigit(nine);
            if (check != 10) {
                return nine + check;
            }
        }
    }

    private String mistype(String nhs) {
        int at = random.nextInt(10);
        char digit = (char) ('0' + (nhs.charAt(at) - '0' + 1 + random.nextInt(8)) % 10);
        return nhs.substring(0, at) + digit + nhs.substring(at + 1);
    }

    private String typo(String name) {
        if (name.length() < 4) {
            return name;
        }
        int at = 1 + random.nextInt(name.length() - 2);
        return random.nextBoolean() ? name.substring(0, at) + name.substring(at + 1)
                : name.substring(0, at) + name.charAt(at + 1) + name.charAt(at) + name.substring(at + 2);
    }

    private String otherGiven(String given) {
        String other = faker.name().firstName();
        return other.equals(given) ? other + "a" : other;
    }

    private String gender() {
        return random.nextBoolean() ? "female" : "male";
    }
}
