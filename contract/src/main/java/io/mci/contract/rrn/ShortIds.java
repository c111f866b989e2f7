package io.mci.contract.rrn;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/** Short ids as in the InsightIDR reference: 12 upper-case letters or digits. */
public final class ShortIds {

    public static final int LENGTH = 12;
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final Pattern FORM = Pattern.compile("[A-Z0-9]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ShortIds() {
    }

    /** A new random short id (36^12, about 4.7e18 values). */
    public static String next() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    /** True for a well-formed short id, compared case-insensitively. */
    public static boolean isShortId(String text) {
        return text != null && FORM.matcher(text.toUpperCase(Locale.ROOT)).matches();
    }
}
