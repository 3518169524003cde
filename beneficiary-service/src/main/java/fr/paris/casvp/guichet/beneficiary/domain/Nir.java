package fr.paris.casvp.guichet.beneficiary.domain;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The NIR (numéro d'inscription au répertoire, social security number): 13 characters and a 2-digit control key
 * equal to 97 minus the number modulo 97; for Corsica, 2A and 2B count as 19 and 18.
 */
public final class Nir {

    private static final Pattern FORMAT = Pattern.compile("[12378]\\d{4}(2A|2B|\\d{2})\\d{6}\\d{2}");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Nir() {
    }

    /** Spaces removed, upper case: how an agent types it is not how it is stored. */
    public static String normalise(String nir) {
        return nir.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    public static boolean hasValidFormat(String nir) {
        return FORMAT.matcher(nir).matches();
    }

    public static boolean hasValidKey(String nir) {
        String body = nir.substring(0, 13).replace("2A", "19").replace("2B", "18");
        int key = Integer.parseInt(nir.substring(13));
        return NINETY_SEVEN.subtract(new BigInteger(body).mod(NINETY_SEVEN)).intValue() == key;
    }
}
