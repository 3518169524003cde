package fr.paris.casvp.guichet.shapefixture.api;

import fr.paris.casvp.guichet.shapefixture.store.ThingStore;

/** An api class (not a controller) that reaches the store: what the shape refuses. */
public class ThingJob {

    private final ThingStore store = new ThingStore();

    String run() {
        return store.find("job").name();
    }
}
