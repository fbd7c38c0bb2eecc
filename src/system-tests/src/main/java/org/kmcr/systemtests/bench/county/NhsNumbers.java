package org.kmcr.systemtests.bench.county;

/**
 * Valid NHS numbers (modulus 11 check digit), in order from 990 000 000 0: about nine million of them below
 * 999 999 999 9, enough for a region of 1.8 million. None is a real patient's: the 9xx ranges are not issued to
 * patients in England (999 is NHS England's test range).
 */
final class NhsNumbers {

    private long next = 990_000_000L;

    /** The next valid number of the sequence. */
    String next() {
        while (checkDigit(next) < 0) {
            next++;
        }
        long nine = next++;
        return Long.toString(nine) + checkDigit(nine);
    }

    /** The check digit of nine digits, or -1 when none is valid (remainder 10). */
    static int checkDigit(long nineDigits) {
        int sum = 0;
        long rest = nineDigits;
        for (int weight = 2; weight <= 10; weight++) {
            sum += (int) (rest % 10) * weight;
            rest /= 10;
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check == 10 ? -1 : check;
    }
}
