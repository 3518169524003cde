package fr.paris.casvp.guichet.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One suite for all the system tests of a run: started by {@code ./guichet up} before the first test class that uses
 * it, stopped by {@code ./guichet down} when every test has run. Tests that stop a component start it again.
 */
final class RunningSuite implements BeforeAllCallback {

    private static LocalSuite suite;

    static LocalSuite suite() {
        return suite;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(RunningSuite.class, key -> {
            LocalSuite started = new LocalSuite();
            // From an empty state: what a previous run left (data, logs) must not decide this one.
            started.guichet("reset");
            // With the trace store: TracingJourneyIT follows one application through it.
            int exit = started.guichet("up", "--traces");
            assertThat(exit).as("./guichet up failed:%n%s", started.output()).isZero();
            suite = started;
            return (AutoCloseable) () -> started.guichet("down");
        }, AutoCloseable.class);
    }
}
