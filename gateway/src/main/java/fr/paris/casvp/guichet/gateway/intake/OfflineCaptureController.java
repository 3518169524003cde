package fr.paris.casvp.guichet.gateway.intake;

import fr.paris.casvp.guichet.contracts.Hmac;
import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.intake.QueuedCommand;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptNumber;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptSeries;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import fr.paris.casvp.guichet.contracts.section.Section;
import fr.paris.casvp.guichet.contracts.section.Sections;
import fr.paris.casvp.guichet.gateway.GuichetServices;
import fr.paris.casvp.guichet.gateway.RateLimits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Offline capture (issue #15), the gateway's side. A counter reserves a series of receipt numbers while it can reach
 * the gateway ({@code POST /api/counter/receipt-series}); when it cannot, it keeps filing, prints a number of its series
 * on each receipt at once, and later sends each captured application here ({@code POST /api/counter/captured}), in the
 * order captured and with the same idempotency key until it is answered. The gateway checks the series (signed by it,
 * of the agent's section), the number (of that series) and the reception time (not before the series was reserved,
 * not in the future), then queues the application on its benefit's {@code intake.*} under that number and with that
 * reception time: the service applies it once, and applies its own rules to the reception time (an application
 * received more than 2 months ago is refused, RM I/B art. 3). A number already received is answered with its receipt
 * and never queued again: a rejected application is corrected by filing it again (with its original reception time).
 */
@RestController
class OfflineCaptureController {

    private static final Logger log = LoggerFactory.getLogger(OfflineCaptureController.class);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /**
     * How far before its series' reservation a counter's capture may say it was received: the counter sets its reception
     * times by the gateway's clock (the offset it saw when it reserved the series), so only the way there is allowed.
     */
    private static final Duration COUNTER_DRIFT = Duration.ofMinutes(1);
    /** A counter's numbers serve this long after their series was reserved; the counter renews its series every day. */
    static final Duration COUNTER_SERIES_VALIDITY = Duration.ofDays(3);
    /** The captures this instance queued lately (the latest 100 000), to tell a number sent again from another use of it. */
    private static final int REMEMBERED_CAPTURES = 100_000;
    private static final int MAX_PAPER_FORMS = 50;

    /** What the counter keeps: the signed series and its numbers, in order. */
    record SeriesView(String series, String prefix, String section, Instant reservedAt, List<String> numbers) {
    }

    record Received(ReceiptView receipt, boolean alreadyReceived, String message) {
    }

    record ReceiptView(String number, Instant receivedAt, String status) {
    }

    private final ReceiptSeriesBook series;
    private final ReceiptBook receipts;
    private final Intake intake;
    private final GuichetServices services;
    private final JsonMapper json;
    private final Clock clock;
    private final int seriesSize;
    /** Series reserved per agent: {@value #SERIES_PER_DAY} a day. */
    static final int SERIES_PER_DAY = 20;
    private static final RateLimits.Bucket SERIES_QUOTA = new RateLimits.Bucket(SERIES_PER_DAY / 86_400.0, SERIES_PER_DAY);
    private final RateLimits.Buckets seriesQuota = new RateLimits.Buckets();
    /** Paper kits and procedures rendered at once by this instance (the rest: 503, try again). */
    private final Semaphore printing = new Semaphore(2);
    /** Number → the capture queued (or being queued) under it by this instance. */
    private final Map<String, Capture> captures = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Capture> eldest) {
            return size() > REMEMBERED_CAPTURES;
        }
    });

    /** A capture: its idempotency key and what it asked (its path, body and reception time, hashed). */
    private record Capture(UUID key, String fingerprint) {
    }

    /** Each agent's key for their offline captures at rest, derived from {@code GUICHET_RECEIPT_KEY}. */
    private final Hmac captureKeys;

    OfflineCaptureController(ReceiptSeriesBook series, ReceiptBook receipts, Intake intake, GuichetServices services,
                             JsonMapper json, Clock clock, @Value("${guichet.offline.series-size:50}") int seriesSize,
                             @Value("${guichet.receipt-key:}") String receiptKey) {
        this.captureKeys = Hmac.of(receiptKey, "GUICHET_RECEIPT_KEY").derive("offline-capture-key");
        this.series = series;
        this.receipts = receipts;
        this.intake = intake;
        this.services = services;
        this.json = json;
        this.clock = clock;
        this.seriesSize = seriesSize;
    }

    /** A new series for the agent's counter; an agent without a section (a supervisor) has no counter to reserve for. */
    @PostMapping("/api/counter/receipt-series")
    Mono<ResponseEntity<?>> reserve(JwtAuthenticationToken token) {
        QueuedCommand.QueuedAgent agent = TokenAgent.of(token);
        if (agent.section() == null || agent.section().isBlank()) {
            return Mono.just(problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                    "Receipt numbers are reserved for the counter of a section: your account has no section.", List.of()));
        }
        Optional<ResponseEntity<?>> overQuota = overQuota(agent);
        if (overQuota.isPresent()) {
            return Mono.just(overQuota.get());
        }
        return Mono.fromCallable(() -> series.reserve(agent, seriesSize, false))
                .subscribeOn(Schedulers.boundedElastic())
                .<ResponseEntity<?>>map(reserved -> ResponseEntity.status(HttpStatus.CREATED).body(new SeriesView(
                        series.token(reserved), reserved.prefix(), reserved.section(), reserved.reservedAt(), reserved.numbers())))
                .onErrorResume(e -> {
                    log.warn("No receipt series could be reserved for {}: {}", agent.username(), e.toString());
                    return Mono.just(problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
                            "Service unavailable", "Receipt numbers cannot be reserved for the moment: try again later.", List.of()));
                });
    }

    /**
     * The signed-in agent's key for what they capture offline (AES-256, base64url): the counter keeps it in the tab's
     * session only, encrypts each capture's personal data with it in the browser's storage, and gets it again at the next
     * sign-in to send what waits (issue #33: a name, birth date and IBAN stayed readable in IndexedDB on a shared
     * workstation). The same agent always gets the same key; another agent never gets it.
     */
    @GetMapping("/api/counter/capture-key")
    ResponseEntity<?> captureKey(JwtAuthenticationToken token) {
        String username = TokenAgent.of(token).username();
        return ResponseEntity.ok().header("Cache-Control", "no-store")
                .body(Map.of("key", Base64.getUrlEncoder().withoutPadding().encodeToString(captureKeys.bytes(username))));
    }

    /** The agents' degraded procedure, printable (the paper kit), with the agent's section. */
    @GetMapping("/api/counter/paper-kit/procedure")
    Mono<ResponseEntity<?>> procedure(JwtAuthenticationToken token) {
        Section section = Sections.directory().of(Optional.ofNullable(TokenAgent.of(token).section()).orElse(""));
        if (!printing.tryAcquire()) {
            return Mono.just(busy());
        }
        return Mono.fromCallable(() -> PaperKit.procedure(section)).subscribeOn(Schedulers.boundedElastic())
                .doFinally(signal -> printing.release())
                .<ResponseEntity<?>>map(pdf -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                        .header("Content-Disposition", "inline; filename=\"procedure-degradee.pdf\"").body(pdf));
    }

    /**
     * Paper forms of a benefit for a total outage: {@code {"benefit": "aid", "count": 10}} reserves a series of that many
     * numbers for the agent's section and answers one printable form per number (PDF). Typed in later, each keeps its
     * number and the reception time written on it ({@code POST /api/counter/captured} without a series).
     */
    @PostMapping("/api/counter/paper-forms")
    Mono<ResponseEntity<?>> paperForms(JwtAuthenticationToken token, @RequestBody(required = false) String raw) {
        QueuedCommand.QueuedAgent agent = TokenAgent.of(token);
        if (agent.section() == null || agent.section().isBlank()) {
            return Mono.just(problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                    "Paper forms are printed for the counter of a section: your account has no section.", List.of()));
        }
        JsonNode request = object(raw);
        if (request == null) {
            return Mono.just(problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                    "The body must be a JSON object: benefit, count.", List.of()));
        }
        List<Map<String, String>> errors = new ArrayList<>();
        String benefit = text(request, "benefit");
        if (!PaperKit.BENEFITS.contains(benefit)) {
            errors.add(error("benefit", "is one of " + PaperKit.BENEFITS));
        }
        JsonNode count = request.get("count");
        if (count == null || !count.isIntegralNumber() || count.asInt() < 1 || count.asInt() > MAX_PAPER_FORMS) {
            errors.add(error("count", "is a whole number from 1 to " + MAX_PAPER_FORMS));
        }
        if (!errors.isEmpty()) {
            return Mono.just(problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                    "The paper forms cannot be printed as asked.", errors));
        }
        Optional<ResponseEntity<?>> overQuota = overQuota(agent);
        if (overQuota.isPresent()) {
            return Mono.just(overQuota.get());
        }
        if (!printing.tryAcquire()) {
            return Mono.just(busy());
        }
        return Mono.fromCallable(() -> series.reserve(agent, count.asInt(), true))
                .subscribeOn(Schedulers.boundedElastic())
                .doFinally(signal -> printing.release())
                .<ResponseEntity<?>>map(reserved -> ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_PDF)
                        .header("Content-Disposition", "attachment; filename=\"formulaires-" + benefit + "-" + reserved.prefix() + ".pdf\"")
                        .header("Guichet-Receipt-Series", reserved.prefix())
                        .body(PaperKit.forms(benefit, reserved, Sections.directory().of(agent.section()))))
                .onErrorResume(e -> {
                    log.warn("No paper forms could be reserved for {}: {}", agent.username(), e.toString());
                    return Mono.just(problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
                            "Service unavailable", "Receipt numbers cannot be reserved for the moment: try again later.", List.of()));
                });
    }

    /** An application captured offline, sent by its counter: queued under its number and reception time. */
    @PostMapping("/api/counter/captured")
    Mono<ResponseEntity<?>> captured(JwtAuthenticationToken token,
                                     @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                     @RequestBody(required = false) String raw) {
        QueuedCommand.QueuedAgent agent = TokenAgent.of(token);
        List<Map<String, String>> errors = new ArrayList<>();
        UUID idempotencyKey = null;
        try {
            idempotencyKey = UUID.fromString(key == null ? "" : key.trim());
        } catch (IllegalArgumentException e) {
            errors.add(error("Idempotency-Key", "is required: a UUID"));
        }
        JsonNode envelope = object(raw);
        if (envelope == null) {
            return Mono.just(problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                    "The body must be a JSON object: series, receipt, receivedAt, path, body.", List.of()));
        }
        String number = ReceiptNumber.normalise(text(envelope, "receipt"));
        // A counter sends the series it was given (signed); a paper form typed in names none: its printed number does.
        boolean paper = text(envelope, "series") == null;
        Optional<ReceiptSeries> reserved = paper
                ? Optional.ofNullable(number).flatMap(n -> series.known(ReceiptNumber.seriesPrefixOf(n)))
                : series.verify(text(envelope, "series"));
        if (reserved.isEmpty()) {
            errors.add(paper ? error("receipt", "is not a number reserved at this gateway")
                    : error("series", "is not a series of receipt numbers reserved at this gateway"));
        } else if (!reserved.get().section().equals(agent.section())) {
            errors.add(error(paper ? "receipt" : "series", "was reserved for the counter of section " + reserved.get().section()));
        } else if (paper && Boolean.FALSE.equals(reserved.get().paper())) {
            // Issue #33: a number of another counter's series typed in as a paper form took that counter's application's place.
            errors.add(error("receipt", "is a number of a counter's series, not of a paper form"));
        } else if (!paper && Boolean.TRUE.equals(reserved.get().paper())) {
            errors.add(error("series", "is a series of paper forms, typed in without a series"));
        }
        if (number == null) {
            errors.add(error("receipt", "is not a receipt number"));
        } else if (reserved.isPresent() && !reserved.get().contains(number)) {
            errors.add(error("receipt", "is not a number of this series"));
        }
        Instant receivedAt = null;
        try {
            receivedAt = Instant.parse(Optional.ofNullable(text(envelope, "receivedAt")).orElse(""));
        } catch (DateTimeParseException e) {
            errors.add(error("receivedAt", "is required: a date and time (ISO 8601)"));
        }
        Instant now = clock.instant();
        if (receivedAt != null && receivedAt.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(error("receivedAt", "is in the future"));
        } else if (receivedAt != null && reserved.isPresent()
                && receivedAt.isBefore(reserved.get().reservedAt().minus(paper ? CLOCK_SKEW : COUNTER_DRIFT))) {
            errors.add(error("receivedAt", "is before its number's series was reserved"));
        } else if (receivedAt != null && reserved.isPresent() && !paper
                && receivedAt.isAfter(reserved.get().reservedAt().plus(COUNTER_SERIES_VALIDITY))) {
            // A counter renews its series every day: a reception time days after its series was handed out is not one.
            errors.add(error("receivedAt", "is more than " + COUNTER_SERIES_VALIDITY.toDays() + " days after its series was reserved"));
        }
        String path = text(envelope, "path");
        Optional<String> benefit = services.services().entrySet().stream()
                .filter(s -> s.getValue().queues("POST", path == null ? "" : path)).map(Map.Entry::getKey).findFirst();
        if (benefit.isEmpty()) {
            errors.add(error("path", "is not a command that files an application"));
        }
        JsonNode body = envelope.get("body");
        if (body == null || !body.isObject()) {
            errors.add(error("body", "is required: the application, a JSON object"));
        }
        String capturedBy = text(envelope, "capturedBy");
        if (!paper && capturedBy == null) {
            errors.add(error("capturedBy", "is required: the username of the agent who captured it"));
        }
        if (!errors.isEmpty()) {
            return Mono.just(problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                    "The captured application cannot be received as it is.", errors));
        }
        if (capturedBy != null && !capturedBy.equals(agent.username())) {
            // Issue #33: on a shared workstation, another agent's capture was sent, and filed, in the name of whoever was
            // signed in. It is filed in its own agent's name, sent while they are signed in.
            return Mono.just(problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                    "An application captured by another agent is sent while they are signed in, in their name.",
                    List.of(error("capturedBy", "is another agent"))));
        }
        Optional<ReceiptState> queuedUnderKey = receipts.queuedFor(idempotencyKey);
        if (queuedUnderKey.isPresent() && !queuedUnderKey.get().number().equals(number)) {
            // Issue #33: a key reused with another number was answered with the first number's receipt, without a word.
            return Mono.just(problem(HttpStatus.CONFLICT, ProblemTypes.RECEIPT_ALREADY_USED, "Conflict",
                    "This Idempotency-Key was sent with another receipt number.",
                    List.of(error("Idempotency-Key", "was used for receipt " + queuedUnderKey.get().number()))));
        }
        Capture mine = new Capture(idempotencyKey, fingerprint(path, body, receivedAt));
        Optional<ReceiptState> known = receipts.get(number);
        // A number not known yet is claimed in this instance at once: of captures sent at the same moment, one is queued.
        Capture before = known.isPresent() ? captures.get(number) : captures.putIfAbsent(number, mine);
        UUID holder = known.map(ReceiptState::idempotencyKey).orElse(before == null ? null : before.key());
        if (known.isPresent() || before != null) {
            // The same capture sent again (its answer was lost), or the same form typed in twice: nothing is queued again.
            boolean same = mine.key().equals(holder) || before != null && before.fingerprint().equals(mine.fingerprint());
            if (same && known.isEmpty()) {
                // Still being queued by another request: told to send it again, never that it was received (that one
                // may yet fail, and the counter would stop sending it).
                return Mono.just(refusal(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_BUSY,
                        "This application is being queued under this number: send it again in a few seconds.", 5));
            }
            if (same) {
                return Mono.just(ResponseEntity.ok(received(known.get(), true)));
            }
            // Issue #33: another application under a number already used was answered 200 and never filed. It is refused,
            // and the agent keeps it to file under another number (the number's own application is untouched).
            log.warn("Captured application {} refused: the number is already another application's", number);
            return Mono.just(problem(HttpStatus.CONFLICT, ProblemTypes.RECEIPT_ALREADY_USED, "Conflict",
                    "This receipt number was already received with another application.",
                    List.of(error("receipt", "was already received with another application"))));
        }
        // The reception time is the counter's: the service applies its rules to it as to any it is given.
        ((ObjectNode) body).put("receivedAt", receivedAt.toString());
        String command = json.writeValueAsString(body);
        LocalDate birthDate = null;
        try {
            String typed = text(envelope, "birthDate");
            birthDate = typed == null ? null : LocalDate.parse(typed);
        } catch (DateTimeParseException e) {
            // Only lets the person follow the receipt before the service applies it: never a reason to refuse.
        }
        return intake.queueCaptured(benefit.get(), path, idempotencyKey, command, agent, number, receivedAt, birthDate)
                .<ResponseEntity<?>>map(queued -> ResponseEntity.accepted().body(received(queued, false)))
                .onErrorResume(e -> {
                    // Not queued: the number is free again for this capture's next attempt (or another's).
                    captures.remove(number, mine);
                    log.error("Captured application {} could not be queued: {}", number, e.toString());
                    return Mono.just(problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.CAPTURE_OFFLINE, "Capture offline",
                            "The queue is unavailable: keep the application and send it again later with the same "
                                    + "Idempotency-Key.", List.of()));
                });
    }

    /**
     * Series per agent (issue #33: series had no quota): a counter reserves one a day, paper forms a few; past
     * {@value #SERIES_PER_DAY} a day, 429.
     */
    private Optional<ResponseEntity<?>> overQuota(QueuedCommand.QueuedAgent agent) {
        Duration wait = seriesQuota.take(agent.username(), SERIES_QUOTA);
        return wait.isZero() ? Optional.empty() : Optional.of(refusal(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS,
                "At most " + SERIES_PER_DAY + " series of receipt numbers a day for one agent: ask a supervisor if more are needed.",
                Math.max(1, wait.toSeconds())));
    }

    /** PDFs rendered at once (issue #33: sixteen 50-form kits at once slowed the status board eightfold): 503, try again. */
    private static ResponseEntity<?> busy() {
        return refusal(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_BUSY,
                "Documents are being printed for other counters: try again in a few seconds.", 5);
    }

    private static ResponseEntity<?> refusal(HttpStatus status, java.net.URI type, String detail, long retryAfterSeconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(status.getReasonPhrase());
        return ResponseEntity.status(status).header("Retry-After", String.valueOf(retryAfterSeconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** What a capture asks, hashed: its command, its application and its reception time. */
    private static String fingerprint(String path, JsonNode body, Instant receivedAt) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((path + "\n" + body + "\n" + receivedAt).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Received received(ReceiptState state, boolean already) {
        return new Received(new ReceiptView(state.number(), state.receivedAt(), state.status()), already,
                "Demande reçue au guichet le " + ParisTime.dayAndTimeInWords(state.receivedAt())
                        + " (date de réception faisant foi), récépissé " + state.number() + ".");
    }

    /** The body as a JSON object; null when it is none (empty, not JSON, an array...). */
    private JsonNode object(String raw) {
        try {
            JsonNode node = raw == null || raw.isBlank() ? null : json.readTree(raw);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }

    private static Map<String, String> error(String field, String detail) {
        return Map.of("field", field, "pointer", "#/" + field, "detail", detail);
    }

    private static ResponseEntity<?> problem(HttpStatus status, java.net.URI type, String title, String detail,
                                             List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header("Retry-After", "30");
        }
        return response.body(problem);
    }
}
