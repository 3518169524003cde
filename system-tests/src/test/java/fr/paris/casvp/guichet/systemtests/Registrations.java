package fr.paris.casvp.guichet.systemtests;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Registration requests of the registry's API, different each time. */
final class Registrations {

    private Registrations() {
    }

    static String of(String lastName, String postcode) {
        return "{\"situation\":" + situation(lastName, postcode, nir()) + ",\"confirmedHomonym\":true}";
    }

    static String situation(String lastName, String postcode, String nir) {
        return """
                {"identity":{"lastName":"%s","firstNames":"Jeanne","birthDate":"1950-06-01","sex":"F","nir":"%s"},
                 "address":{"line1":"12 rue de la Glacière","postcode":"%s","city":"Paris"},
                 "parisResidence":[{"from":"2015-03-01"}],
                 "monthlyResources":[{"kind":"PENSION","amount":803.20}],"section":"13"}"""
                .formatted(lastName, nir, postcode).replace("\n", "");
    }

    /** Order numbers of the NIRs made by this run: different for each registration (a NIR is unique in the registry). */
    private static final AtomicInteger orderNumbers = new AtomicInteger(ThreadLocalRandom.current().nextInt(500_000));

    /** A valid NIR: a woman born in June 1950 in Paris, an order number of this run, its key. */
    static String nir() {
        long body = Long.parseLong("2500675" + "%06d".formatted(orderNumbers.incrementAndGet() % 1_000_000));
        return body + "%02d".formatted(97 - body % 97);
    }
}
