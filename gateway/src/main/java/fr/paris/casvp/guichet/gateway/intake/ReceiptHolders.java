package fr.paris.casvp.guichet.gateway.intake;

import fr.paris.casvp.guichet.gateway.GuichetServices;
import fr.paris.casvp.guichet.gateway.ServiceAddresses;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The name a printed receipt gives its holder (issue #36: the PDF did not name the person), read from the registry
 * with the agent's own token: the registry decides whether this agent may read that person, as it does for the
 * counter. The receipts the gateway keeps hold no name; a registry that does not answer within two seconds leaves the
 * receipt without one rather than unprinted.
 */
@Component
class ReceiptHolders {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final WebClient client;
    private final GuichetServices services;
    private final JsonMapper json;

    ReceiptHolders(GuichetServices services, JsonMapper json) {
        this.services = services;
        this.json = json;
        this.client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(ServiceAddresses.resolvedFreshly(HttpClient.create()))).build();
    }

    /** "Madame Jeanne Martin", or empty when the person is unknown, not the agent's to read, or the registry is down. */
    Mono<Optional<String>> name(UUID beneficiaryId, String authorization) {
        GuichetServices.Service registry = services.services().get("beneficiaries");
        if (beneficiaryId == null || authorization == null || registry == null) {
            return Mono.just(Optional.empty());
        }
        return client.get().uri(registry.url().resolve("/api/beneficiaries/" + beneficiaryId))
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .retrieve().bodyToMono(String.class)
                .map(body -> Optional.of(nameIn(json.readTree(body).path("situation").path("identity"))))
                .timeout(TIMEOUT)
                .onErrorResume(e -> Mono.just(Optional.empty()))
                .defaultIfEmpty(Optional.empty());
    }

    private static String nameIn(JsonNode identity) {
        String sex = identity.path("sex").asString("");
        String civility = "F".equals(sex) ? "Madame " : "M".equals(sex) ? "Monsieur " : "";
        return civility + identity.path("firstNames").asString("") + " " + identity.path("lastName").asString("");
    }
}
