package fr.paris.casvp.guichet.shapefixture.thing;

import fr.paris.casvp.guichet.shapefixture.domain.Thing;
import java.util.List;

/** A store that calls a use case back: what the shape refuses. */
class ThingStore {

    record Row(String name) {
    }

    Thing find(String name) {
        return new Thing(name, List.of());
    }

    void callsUp(Things things) {
        things.get("x");
    }
}
