package fr.paris.casvp.guichet.housing;

import fr.paris.casvp.guichet.testsupport.LayerRules;
import fr.paris.casvp.guichet.testsupport.TimeRules;
import org.junit.jupiter.api.Test;

/** The architecture's rules, checked on this application's production classes and the platform's it runs with. */
class ArchitectureTest {

    @Test
    void timeComesFromTheClock() {
        TimeRules.check();
    }

    /** The layers of a service and the boundaries between modules (docs/architecture.md): {@link LayerRules}. */
    @Test
    void theShapeAndTheBoundariesHold() {
        LayerRules.check();
    }
}
