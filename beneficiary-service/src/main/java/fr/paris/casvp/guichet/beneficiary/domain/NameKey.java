package fr.paris.casvp.guichet.beneficiary.domain;

import java.text.Normalizer;
import java.util.Locale;

/** Names compared as a counter agent would: without accents, case, hyphens or repeated spaces. */
public final class NameKey {

    private NameKey() {
    }

    public static String of(String lastName, String firstNames) {
        return normalise(lastName) + "|" + normalise(firstNames);
    }

    public static String normalise(String name) {
        String withoutAccents = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return withoutAccents.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", " ").trim();
    }
}
