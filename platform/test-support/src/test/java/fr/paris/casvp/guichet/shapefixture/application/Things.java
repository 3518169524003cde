package fr.paris.casvp.guichet.shapefixture.application;

import fr.paris.casvp.guichet.shapefixture.api.ThingView;
import fr.paris.casvp.guichet.shapefixture.domain.Thing;
import fr.paris.casvp.guichet.shapefixture.store.ThingStore;

/** A use case that makes the api's view itself: what the shape refuses. */
public class Things {

    private final ThingStore store = new ThingStore();

    public Thing get(String name) {
        return store.find(name);
    }

    public ThingView view(String name) {
        return new ThingView(get(name).name());
    }
}
