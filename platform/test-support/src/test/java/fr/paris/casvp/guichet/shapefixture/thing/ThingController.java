package fr.paris.casvp.guichet.shapefixture.thing;

import org.springframework.web.bind.annotation.RestController;

/** A controller that answers a store's record: what the shape refuses. */
@RestController
class ThingController {

    ThingStore.Row get(String name) {
        return new ThingStore.Row(name);
    }
}
