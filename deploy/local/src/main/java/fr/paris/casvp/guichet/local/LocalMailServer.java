package fr.paris.casvp.guichet.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local run's mail server: a real SMTP server (GreenMail) that keeps what it receives in memory, and a small web
 * page to read it. The notice service sends its e-mails and text messages (as e-mails to {@code <number>@sms...}) here.
 *
 * <pre>java ... LocalMailServer &lt;SMTP port&gt; &lt;HTTP port&gt;</pre>
 *
 * <ul>
 *   <li>{@code GET /} — the messages received, newest first, in a page a person reads;</li>
 *   <li>{@code GET /messages} — the same as JSON ({@code to, from, subject, date, messageId, body}), for scripts and
 *       the system tests.</li>
 * </ul>
 * Listens on 127.0.0.1 only, unless {@code GUICHET_BIND_ADDRESS} says otherwise (the container test runs it in the
 * {@code guichet/test-kafka} image, whose jars it shares, on {@code 0.0.0.0}). The messages are lost when it stops: it
 * is a stand-in for a relay, not a mailbox.
 */
public final class LocalMailServer {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.FRANCE)
            .withZone(ZoneId.of("Europe/Paris"));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GreenMail smtp;

    private LocalMailServer(GreenMail smtp) {
        this.smtp = smtp;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: LocalMailServer <SMTP port> <HTTP port>");
            System.exit(2);
        }
        String address = System.getenv().getOrDefault("GUICHET_BIND_ADDRESS", "127.0.0.1");
        GreenMail smtp = new GreenMail(new ServerSetup(Integer.parseInt(args[0]), address, ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        LocalMailServer server = new LocalMailServer(smtp);
        HttpServer http = HttpServer.create(new InetSocketAddress(address, Integer.parseInt(args[1])), 0);
        http.createContext("/messages", exchange -> server.answer(exchange, "application/json", server.json()));
        http.createContext("/", exchange -> server.answer(exchange, "text/html; charset=utf-8", server.page()));
        http.start();
        System.out.println("Mail server ready: SMTP on " + address + ":" + args[0] + ", messages on http://localhost:" + args[1]
                + "/");
    }

    private void answer(HttpExchange exchange, String type, String body) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** A message as the page and the JSON show it. */
    record Mail(String to, String from, String subject, String date, String messageId, String body) {
    }

    private java.util.List<Mail> mails() {
        return Arrays.stream(smtp.getReceivedMessages()).map(LocalMailServer::mail).toList();
    }

    private static Mail mail(MimeMessage message) {
        try {
            return new Mail(addresses(message.getAllRecipients()), addresses(message.getFrom()), message.getSubject(),
                    message.getSentDate() == null ? "" : SHOWN.format(message.getSentDate().toInstant()),
                    message.getMessageID(), new String(message.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (MessagingException | IOException e) {
            return new Mail("", "", "(illisible : " + e.getMessage() + ")", "", "", "");
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    private String json() {
        return JSON.writeValueAsString(mails());
    }

    private String page() {
        java.util.List<Mail> mails = mails();
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                + "<title>Courrier du serveur local — Guichet</title><style>body{font-family:sans-serif;max-width:60rem;"
                + "margin:auto;padding:1rem}article{border:1px solid #888;margin:1rem 0;padding:.5rem 1rem}"
                + "pre{white-space:pre-wrap}</style></head><body><h1>Courrier reçu par le serveur local</h1><p>")
                .append(mails.size()).append(" message(s), le plus récent en premier. Serveur de démonstration : rien ne "
                        + "part vers l'extérieur.</p>");
        for (int i = mails.size() - 1; i >= 0; i--) {
            Mail m = mails.get(i);
            html.append("<article><h2>").append(escape(m.subject())).append("</h2><p>À : ").append(escape(m.to()))
                    .append("<br>Le ").append(escape(m.date())).append("</p><pre>").append(escape(m.body()))
                    .append("</pre></article>");
        }
        return html.append("</body></html>").toString();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
