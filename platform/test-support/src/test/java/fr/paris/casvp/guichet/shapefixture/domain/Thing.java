package fr.paris.casvp.guichet.shapefixture.domain;

import fr.paris.casvp.guichet.contracts.Refusal;
import java.util.List;

/** A plain domain object: Java, the contracts and its domain only. */
public record Thing(String name, List<String> parts) {

    public Thing rename(String newName) {
        if (newName.isBlank()) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, java.net.URI.create("urn:test"), "Blank", "A name is needed.");
        }
        return new Thing(newName, parts);
    }
}
