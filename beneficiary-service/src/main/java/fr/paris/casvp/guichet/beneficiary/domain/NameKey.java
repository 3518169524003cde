package fr.paris.casvp.guichet.beneficiary.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Names compared as a counter agent would: without accents, case, hyphens or repeated spaces; compatibility forms
 * (full-width, ligatures) as their plain letters, and the Cyrillic and Greek capitals that look like Latin ones as those
 * (issue #33: "Ptxhomo" with a Cyrillic o was another person); the ligatures as the two letters typed for them
 * (issue #36: "Ducoeur" did not find "Ducœur", and the agent registered the person a second time).
 */
public final class NameKey {

    private NameKey() {
    }

    public static String of(String lastName, String firstNames) {
        return normalise(lastName) + "|" + normalise(firstNames);
    }

    /** Cyrillic (U+04xx) and Greek (U+03xx) capitals, and the Latin capital each looks like, in the same order. */
    private static final String LOOK_ALIKES = "\u0410\u0412\u0415\u0405\u0406\u0408\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0423\u0425"
            + "\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7";
    private static final String AS_LATIN = "ABESIJKMHOPCTYXABEZHIKMNOPTYX";

    public static String normalise(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC)
                .replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE").replace("ß", "ss");
        String withoutAccents = Normalizer.normalize(plain, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder(withoutAccents.length());
        withoutAccents.chars().forEach(c -> {
            int alike = LOOK_ALIKES.indexOf(c);
            latin.append(alike >= 0 ? AS_LATIN.charAt(alike) : (char) c);
        });
        return latin.toString().replaceAll("[^A-Z]+", " ").trim();
    }
}
