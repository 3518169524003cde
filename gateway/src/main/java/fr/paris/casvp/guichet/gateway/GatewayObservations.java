package fr.paris.casvp.guichet.gateway;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/** What the gateway observes (metrics and spans): the counters' and the public's requests, not the actuator's. */
@Configuration(proxyBeanMethods = false)
class GatewayObservations {

    /** Probes and scrapes make no span (the trace store keeps the people's requests); their latency is not the API's. */
    @Bean
    ObservationPredicate guichetNoActuatorObservations() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier() != null && request.getCarrier().getPath().value().startsWith("/actuator"));
    }
}
