package fr.paris.casvp.guichet.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts the applications filed online, per benefit: {@code guichet_applications_total{benefit, channel="online"}}, a
 * filing (a POST to a path its service can also take queued) that its service answered 201. Those queued while it was
 * down ({@code channel="queued"}) or captured offline at the counter ({@code "offline"}) are counted by {@code Intake}.
 */
@Component
class FilingCounter implements WebFilter {

    static final String METRIC = "guichet.applications";
    /** Online, queued while the service was down, captured offline at the counter. */
    static final List<String> CHANNELS = List.of("online", "queued", "offline");

    private final GuichetServices services;
    private final MeterRegistry meters;

    FilingCounter(GuichetServices services, MeterRegistry meters) {
        this.services = services;
        this.meters = meters;
        // Each benefit's counters from the start, at 0: a rate is computed from the first filing on, and a new instance
        // (a rollout, a scale-out) exports them before its first filing.
        services.services().forEach((benefit, service) -> {
            if (!service.intake().isEmpty()) {
                for (String channel : CHANNELS) {
                    meters.counter(METRIC, "benefit", benefit, "channel", channel);
                }
            }
        });
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String method = exchange.getRequest().getMethod().name();
        String path = exchange.getRequest().getPath().value();
        for (Map.Entry<String, GuichetServices.Service> service : services.services().entrySet()) {
            if (service.getValue().queues(method, path)) {
                return chain.filter(exchange).doOnSuccess(done -> {
                    if (HttpStatus.CREATED.equals(exchange.getResponse().getStatusCode())) {
                        meters.counter(METRIC, "benefit", service.getKey(), "channel", "online").increment();
                    }
                });
            }
        }
        return chain.filter(exchange);
    }
}
