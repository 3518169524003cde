package fr.paris.casvp.guichet.gateway;

import fr.paris.casvp.guichet.contracts.benefit.Benefit;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /counter/config}: what the counter's pages (the {@code counter} module, served at {@code /}) need to sign
 * an agent in: the OpenID Connect issuer and the counter's client id; and the benefits it shows, as declared. Open: the
 * sign-in starts from it.
 */
@RestController
class CounterConfiguration {

    /** The counter is a public client: authorisation code with PKCE, no secret. */
    static final String CLIENT_ID = "guichet-counter";

    /**
     * @param benefits the declared benefits, in their order, as the counter shows them: its lists, buttons, queues and
     *                 paper kit take them from here (also offline: the counter keeps this answer)
     */
    record Config(String issuer, String clientId, List<CounterBenefit> benefits) {
    }

    /**
     * @param code  {@code aid}, {@code solidarity}...
     * @param name  its short name (French)
     * @param files where its service lists a section's files
     * @param form  the counter's screen that files an application, followed by the person's id
     * @param file  the counter's screen of one file, followed by its id
     * @param monthly whether it is paid every month: the supervisor runs its months' payments ({@code /api/<code>/payment-runs})
     * @param figures   NONE or ADMINISTERED: whether its amounts rest on dated figures (the supervisors' banner reads the
     *                  stale ones, "Paramètres" shows them and administrators change them there)
     * @param examine   the queue of the files to examine: the roles that work it, the statuses it lists
     * @param decide    the queue of the files to decide
     */
    record CounterBenefit(String code, String name, String files, String form, String file, boolean monthly, Benefit.Figures figures,
                          Queue examine, Queue decide) {
    }

    /**
     * @param roles    who works the queue (an agent with one of them sees it)
     * @param statuses the statuses of the files it lists ({@code files?status=})
     */
    record Queue(List<String> roles, List<String> statuses) {
    }

    private final Config config;

    CounterConfiguration(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        this.config = new Config(issuer, CLIENT_ID, Benefits.all().stream().map(b -> new CounterBenefit(b.code(), b.names().shortName(),
                b.counter().files(), b.counter().form(), b.counter().file(), b.monthly(), b.figures(),
                new Queue(b.roles().examine(), b.counter().toExamine()), new Queue(b.roles().decide(), b.counter().toDecide()))).toList());
    }

    @GetMapping("/counter/config")
    Config config() {
        return config;
    }
}
