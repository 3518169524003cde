package fr.paris.casvp.guichet.shapefixture.thing;

import fr.paris.casvp.guichet.shapefixture.domain.Thing;
import org.springframework.stereotype.Service;

/** An application service: it may use the store. */
@Service
class Things {

    private final ThingStore store = new ThingStore();

    Thing get(String name) {
        return store.find(name);
    }
}
