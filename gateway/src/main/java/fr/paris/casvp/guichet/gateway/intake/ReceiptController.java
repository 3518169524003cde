package fr.paris.casvp.guichet.gateway.intake;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.intake.QueuedCommand;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptChecks;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptNumber;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import fr.paris.casvp.guichet.gateway.ClientAddresses;
import fr.paris.casvp.guichet.gateway.RateLimits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/receipts/{number}}: where the command behind a receipt stands, answered by the gateway alone (also
 * while the benefit's service is down). An agent (bearer token) sees it whole; a person without an account gives their
 * birth date ({@code ?birthDate=1950-06-01}) and sees its status, limited to 10 lookups per 10 minutes per address.
 */
@RestController
class ReceiptController {

    /**
     * What a person without an account sees: where their file stands, the amount granted and the documents still
     * missing (issue #36), and the section to turn to; no name, address or resource.
     */
    record PublicReceipt(String number, String benefit, String status, Instant receivedAt, Instant updatedAt, String section,
                         ReceiptState.Details details) {
    }

    record AgentReceipt(String number, String benefit, String status, Instant receivedAt, UUID applicationId,
                        String applicationNumber, String section, List<String> reasons, Instant updatedAt,
                        ReceiptState.Details details) {
    }

    private final ReceiptBook receipts;
    private final ReceiptHolders holders;
    private final ClientAddresses addresses;
    private final Clock clock;
    private final ReceiptChecks checks;
    /** The public lookups: 10 per 10 minutes per client, and per receipt number; bounded ({@link RateLimits.Buckets}). */
    private static final RateLimits.Bucket LOOKUPS = new RateLimits.Bucket(10.0 / 600, 10);
    private final RateLimits.Buckets perClient = new RateLimits.Buckets();
    private final RateLimits.Buckets perReceipt = new RateLimits.Buckets();

    /** The address people are given (GUICHET_PUBLIC_URL); empty: the address this request came to (a local run). */
    private final String publicUrl;

    ReceiptController(ReceiptBook receipts, Clock clock, @Value("${guichet.receipt-key:}") String receiptKey,
                      ClientAddresses addresses, @Value("${guichet.public-url:}") String publicUrl, ReceiptHolders holders) {
        this.receipts = receipts;
        this.holders = holders;
        this.clock = clock;
        this.checks = new ReceiptChecks(receiptKey);
        this.addresses = addresses;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /**
     * An agent reads the receipts of their own section (a supervisor, all); a person without an account gives the birth
     * date, whatever the receipt's state (one that cannot be checked yet answers as an unknown one), within a limit per
     * address and one per receipt number.
     */
    @GetMapping("/api/receipts/{number}")
    Mono<ResponseEntity<?>> receipt(@PathVariable String number, @RequestParam(required = false) LocalDate birthDate,
                                    ServerWebExchange exchange) {
        return exchange.getPrincipal().map(Optional::of).defaultIfEmpty(Optional.empty()).map(principal -> {
            boolean authenticated = principal.isPresent();
            String canonical = ReceiptNumber.normalise(number);
            if (!authenticated) {
                // The client's bucket first: a client past its limit uses no receipt's bucket (nor makes one). A number that
                // is not one (mistyped) has no bucket of its own: it found nothing, and shares none with other clients.
                String client = addresses.limitedAs(exchange.getRequest());
                boolean refused = canonical != null && perReceipt.wouldWait(canonical)
                        || !perClient.take(client, LOOKUPS).isZero()
                        || canonical != null && !perReceipt.take(canonical, LOOKUPS).isZero();
                if (refused) {
                    return problem(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS, "Trop de demandes",
                            "Trop de consultations de ce récépissé ou depuis cette adresse : réessayez dans quelques minutes.");
                }
                if (birthDate == null) {
                    return problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Date de naissance requise",
                            "Sans compte, indiquez votre date de naissance (birthDate=AAAA-MM-JJ) avec le numéro du récépissé.");
                }
            }
            ReceiptState state = canonical == null ? null : receipts.get(canonical).orElse(null);
            boolean visible = state != null && (authenticated ? readable(principal.get(), state)
                    : state.birthDateCheck() != null && MessageDigest.isEqual(state.birthDateCheck().getBytes(StandardCharsets.US_ASCII),
                            checks.of(canonical, birthDate).getBytes(StandardCharsets.US_ASCII)));
            if (!visible) {
                // Unknown, another section's, a wrong birth date or one not checkable yet answer the same.
                return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Récépissé introuvable",
                        "Aucun récépissé ne correspond à ce numéro" + (authenticated ? " dans votre section." : " et à cette date de naissance."));
            }
            if (!authenticated) {
                return ResponseEntity.ok(new PublicReceipt(state.number(), state.benefit(), state.status(), state.receivedAt(), state.updatedAt(),
                        state.section(), state.details()));
            }
            return ResponseEntity.ok(new AgentReceipt(state.number(), state.benefit(), state.status(), state.receivedAt(),
                    state.applicationId(), state.applicationNumber(), state.section(), state.reasons(), state.updatedAt(),
                    state.details()));
        });
    }

    /**
     * The récépissé as PDF, for an agent of the receipt's section (a supervisor: any), to print or hand over:
     * {@code ?format=ticket} for a receipt printer's 80 mm roll, A4 otherwise; {@code ?beneficiaryId=} names the
     * person on it, as the registry gives them to this agent.
     */
    @GetMapping("/api/receipts/{number}/pdf")
    Mono<ResponseEntity<?>> pdf(@PathVariable String number, @RequestParam(defaultValue = "a4") String format,
                                @RequestParam(required = false) UUID beneficiaryId, JwtAuthenticationToken token,
                                ServerWebExchange exchange) {
        String canonical = ReceiptNumber.normalise(number);
        ReceiptState state = canonical == null ? null : receipts.get(canonical).orElse(null);
        if (state == null || !readable(token, state)) {
            return Mono.just(problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Récépissé introuvable",
                    "Aucun récépissé ne correspond à ce numéro dans votre section."));
        }
        ReceiptPdf.Format layout = "ticket".equalsIgnoreCase(format) ? ReceiptPdf.Format.TICKET : ReceiptPdf.Format.A4;
        String follow = followAddress(exchange);
        return holders.name(beneficiaryId, exchange.getRequest().getHeaders().getFirst("Authorization"))
                .map(holder -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                        .header("Content-Disposition", "inline; filename=\"recepisse-" + state.number() + ".pdf\"")
                        .body(ReceiptPdf.of(state, layout, clock.instant(), follow, holder.orElse(null))));
    }

    /** The full address of "Suivre ma demande", as a person types it (issue #36: "(/suivi)" was no address at all). */
    private String followAddress(ServerWebExchange exchange) {
        if (!publicUrl.isEmpty()) {
            return publicUrl + "/suivi";
        }
        var uri = exchange.getRequest().getURI();
        return uri.getScheme() + "://" + uri.getAuthority() + "/suivi";
    }

    /** "Suivre ma demande": the public's French page, which asks the receipt number and the birth date. */
    @GetMapping(value = "/suivi", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<ClassPathResource> followPage() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(new ClassPathResource("suivi.html"));
    }

    /** A supervisor reads every receipt; another agent, those of their section. */
    private static boolean readable(Principal principal, ReceiptState state) {
        if (!(principal instanceof JwtAuthenticationToken token)) {
            return false;
        }
        QueuedCommand.QueuedAgent agent = TokenAgent.of(token);
        return agent.roles().contains("SUPERVISOR") || state.section() != null && state.section().equals(agent.section());
    }

    private static ResponseEntity<?> problem(HttpStatus status, java.net.URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.TOO_MANY_REQUESTS) {
            response.header("Retry-After", "60");
        }
        return response.body(problem);
    }
}
