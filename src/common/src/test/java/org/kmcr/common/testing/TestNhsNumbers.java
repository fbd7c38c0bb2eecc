package org.kmcr.common.testing;

import java.util.concurrent.ThreadLocalRandom;
import org.kmcr.common.nhs.NhsNumber;

/** Valid synthetic NHS numbers in the 999 test range, different on every call. */
public final class TestNhsNumbers {

    private TestNhsNumbers() {
    }

    public static String next() {
        while (true) {
            String nine = "999" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
            int check = NhsNumber.checkDigit(nine);
            if (check < 10) {
                return nine + check;
            }
        }
    }
}
