package fr.paris.casvp.guichet.shapefixture.store;

import fr.paris.casvp.guichet.shapefixture.application.Things;
import fr.paris.casvp.guichet.shapefixture.domain.Thing;
import java.util.List;

/** A store that calls a use case back: what the shape refuses. */
public class ThingStore {

    public Thing find(String name) {
        return new Thing(name, List.of());
    }

    void callsUp(Things things) {
        things.get("x");
    }
}
