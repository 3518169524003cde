package fr.paris.casvp.guichet.contracts.section;

import java.util.List;

/**
 * A section of the CASVP as the public knows it: where it is, how to reach it, when it is open, who signs its letters.
 *
 * @param code          the arrondissement, as the registry and the agents' tokens carry it ("13")
 * @param name          "Section du 13e arrondissement"
 * @param addressLines  the postal address, one line each, the last with the postcode and the city
 * @param phone         the number a person calls
 * @param openingHours  when the counter is open, in words
 * @param signatory     the name of the person who signs the section's letters
 * @param signatoryRole their role, under the name
 */
public record Section(String code, String name, List<String> addressLines, String phone, String openingHours,
                      String signatory, String signatoryRole) {

    public Section {
        addressLines = List.copyOf(addressLines);
    }

    /** The address on one line: "146 boulevard de l'Hôpital, 75013 Paris". */
    public String address() {
        return String.join(", ", addressLines);
    }
}
