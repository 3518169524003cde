package fr.paris.casvp.guichet.messaging.consumer;

import java.util.List;

/**
 * What a service did with a partner's answer (a payment or pass confirmation): applied to {@code resource}, parked
 * because it does not match its order ({@code mismatches}), or ignored (another service's order, or answered already).
 */
public record PartnerAnswer(Outcome outcome, String resource, List<String> mismatches) {

    public enum Outcome { APPLIED, PARKED, IGNORED }

    public static PartnerAnswer applied(Object resource) {
        return new PartnerAnswer(Outcome.APPLIED, String.valueOf(resource), List.of());
    }

    public static PartnerAnswer parked(Object resource, List<String> mismatches) {
        return new PartnerAnswer(Outcome.PARKED, String.valueOf(resource), List.copyOf(mismatches));
    }

    public static PartnerAnswer ignored() {
        return new PartnerAnswer(Outcome.IGNORED, null, List.of());
    }
}
