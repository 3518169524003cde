package fr.paris.casvp.guichet.web;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/** What every Guichet HTTP service gets by depending on this module. */
// Before Boot's MVC configuration, whose own problem-details handler backs off when this one exists.
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemDetailsHandler.class, ServiceSecurity.class})
public class WebAutoConfiguration {

    /** Requests are read strictly: no numbers for enums or texts, no null in a list, no control characters. */
    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return StrictJson::configure;
    }

    /**
     * The actuator's requests (probes every few seconds, scrapes) make no span: the trace store keeps the agents' and
     * partners' requests. Their latency is not the API's either.
     */
    @Bean
    ObservationPredicate guichetNoActuatorObservations() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier() != null && request.getCarrier().getRequestURI().startsWith("/actuator"));
    }

    /** Where the service publishes its OpenAPI: the text bound written in it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    static class OpenApi {

        @Bean
        OpenApiLimits openApiLimits() {
            return new OpenApiLimits();
        }
    }
}
