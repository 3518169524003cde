package fr.paris.casvp.guichet.layerfixture;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RestController;

/** Controllers that break the layers, and one that keeps them: the fixture of {@code LayerRulesTest}. */
final class Controllers {

    private Controllers() {
    }

    static class ThingStore {
        String find() {
            return "thing";
        }
    }

    static class Things {
        private final ThingStore store = new ThingStore();

        String find() {
            return store.find();
        }
    }

    @RestController
    static class ReachesTheStore {
        private final ThingStore store = new ThingStore();

        String get() {
            return store.find();
        }
    }

    @RestController
    static class HoldsSql {
        private final JdbcClient jdbc;

        HoldsSql(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        String get() {
            return jdbc.sql("select 1").query(String.class).single();
        }
    }

    @RestController
    static class CallsTheService {
        private final Things things = new Things();

        String get() {
            return things.find();
        }
    }
}
