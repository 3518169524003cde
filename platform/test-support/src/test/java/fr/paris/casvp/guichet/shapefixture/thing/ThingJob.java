package fr.paris.casvp.guichet.shapefixture.thing;

import org.springframework.scheduling.annotation.Scheduled;

/** A scheduled job that reaches the store: what the shape refuses. */
class ThingJob {

    private final ThingStore store = new ThingStore();

    @Scheduled(fixedDelay = 1000)
    void run() {
        store.find("job");
    }
}
