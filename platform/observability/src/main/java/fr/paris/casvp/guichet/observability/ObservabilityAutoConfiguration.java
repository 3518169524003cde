package fr.paris.casvp.guichet.observability;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationPredicate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;

/** What the gateway and every service tell an operator about themselves, beside Boot's own metrics and traces. */
@AutoConfiguration
public class ObservabilityAutoConfiguration {

    /**
     * {@code guichet_build_info{version=...} 1}: which build each instance runs (a dashboard shows a rollout half done;
     * an alert joins on it). Built from {@code META-INF/build-info.properties}; "unknown" when run from classes.
     */
    @Bean
    BuildInfoMetric guichetBuildInfo(MeterRegistry meters, ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties == null || properties.getVersion() == null ? "unknown" : properties.getVersion();
        String time = properties == null || properties.getTime() == null ? "unknown" : properties.getTime().toString();
        Gauge.builder("guichet.build.info", () -> 1).description("The build this instance runs (always 1)")
                .tag("version", version).tag("built", time).register(meters);
        return new BuildInfoMetric(version, time);
    }

    /**
     * No query string in a span: a search's ({@code ?lastName=...&birthDate=...}, {@code ?nir=...}) is personal data,
     * and the gateway's client spans would carry it whole ({@code http.uri}). The path stays; its query is cut.
     */
    @Bean
    ObservationFilter guichetNoQueryStringInSpans() {
        return context -> {
            List<KeyValue> values = new ArrayList<>();
            context.getHighCardinalityKeyValues().forEach(values::add);
            for (KeyValue value : values) {
                int query = value.getValue().indexOf('?');
                if (query >= 0) {
                    context.addHighCardinalityKeyValue(KeyValue.of(value.getKey(), value.getValue().substring(0, query)));
                }
            }
            return context;
        };
    }

    /**
     * A SQL statement is a span of the request or record that ran it; one run outside any (the outbox relay's polling,
     * a job) starts no trace of its own.
     */
    @Bean
    ObservationPredicate guichetNoRootStatements() {
        return (name, context) -> !(name.startsWith("jdbc.") && context.getParentObservation() == null);
    }

    /** The build an instance runs, as {@code guichet_build_info} says it. */
    public record BuildInfoMetric(String version, String built) {
    }
}
