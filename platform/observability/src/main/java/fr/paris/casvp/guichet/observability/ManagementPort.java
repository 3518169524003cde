package fr.paris.casvp.guichet.observability;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The port of the management server, when the actuator has one of its own ({@code management.server.port}, a
 * deployment's: the network lets only the monitoring reach it), learnt when it starts. A request there for the metrics
 * or the build info is a scraper's, which needs no business role (the gateway's and the services' security use it).
 */
public final class ManagementPort implements ApplicationListener<WebServerInitializedEvent> {

    private volatile int port = -1;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if ("management".equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    /** A scraper's request: the metrics or the build info, received on the management port. */
    public boolean scrape(int localPort, String path) {
        return port > 0 && localPort == port && ("/actuator/prometheus".equals(path) || "/actuator/info".equals(path));
    }
}
