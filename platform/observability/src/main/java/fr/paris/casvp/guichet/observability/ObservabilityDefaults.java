package fr.paris.casvp.guichet.observability;

/**
 * Adds {@code guichet-observability-defaults.yml} (tracing, its export, the latency histograms) with the lowest
 * precedence: an application's own {@code application.yml} and the environment still override it.
 */
public class ObservabilityDefaults extends LowestPrecedenceDefaults {

    static final String RESOURCE = "guichet-observability-defaults.yml";

    public ObservabilityDefaults() {
        super(RESOURCE);
    }
}
