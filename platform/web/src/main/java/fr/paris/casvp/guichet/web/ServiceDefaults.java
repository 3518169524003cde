package fr.paris.casvp.guichet.web;

import fr.paris.casvp.guichet.observability.LowestPrecedenceDefaults;

/**
 * Adds {@code guichet-service-defaults.yml} (health groups, metrics, problem details, Kafka consumer group) with the
 * lowest precedence, so that a service's own {@code application.yml} and the environment can still override it.
 */
public class ServiceDefaults extends LowestPrecedenceDefaults {

    static final String RESOURCE = "guichet-service-defaults.yml";

    public ServiceDefaults() {
        super(RESOURCE);
    }
}
