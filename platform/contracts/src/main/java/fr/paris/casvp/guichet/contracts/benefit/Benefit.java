package fr.paris.casvp.guichet.contracts.benefit;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A benefit as {@code benefits/benefits.properties} declares it: what the gateway, the topics, the paper kit, the
 * notices, the counter and the deployments need to know of it without knowing its service's code.
 *
 * @param code            its short name in routes, topics and breakers: {@code aid}, {@code solidarity}...
 * @param service         its service's module, Kafka principal and Deployment: {@code aid-service}
 * @param database        its database, and the name of its audit trail's anchor topic
 * @param localPort       its port in the local run
 * @param names           what people read of it (French)
 * @param counter         where the counter lists, files and opens its files
 * @param filing          the paths of the commands the gateway queues when the service cannot answer
 * @param eventTypePrefix the prefix of its events' types on {@code <code>.events.v1}
 * @param eventSchema     the JSON Schema of its events, in {@code docs/schemas} (on the class path under {@code contracts/schemas/})
 * @param notices         the transitions of its events told to the person, each with the moment it is told as
 * @param reference       the fields of its events holding the number the person knows, the first present wins
 * @param partner         who carries out its decisions
 * @param monthly         whether a grant is paid every month
 * @param figures         whether its amounts rest on dated figures a revaluation may leave stale, and how a new value is
 *                        recorded
 * @param roles           who may file, examine and decide
 */
public record Benefit(String code, String service, String database, int localPort, Names names, Counter counter, List<String> filing,
                      String eventTypePrefix, String eventSchema, Map<String, String> notices, List<String> reference, Partner partner,
                      boolean monthly, Figures figures, Roles roles) {

    public Benefit {
        filing = List.copyOf(filing);
        notices = Map.copyOf(notices);
        reference = List.copyOf(reference);
    }

    /** Whether its amounts rest on dated figures: its service answers {@code GET /api/<code>/parameters/stale} and {@code /families}. */
    public boolean datedFigures() {
        return figures != Figures.NONE;
    }

    /** Where its API is behind the gateway: {@code /api/aid}. */
    public String apiPath() {
        return "/api/" + code;
    }

    /** The environment variable of its local port: {@code GUICHET_AID_PORT}. */
    public String portVariable() {
        return "GUICHET_" + code.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT";
    }

    /**
     * Its paper form's own questions, for the day no computer works: a resource beside the declaration, one item a line
     * ({@code [ ] choice}, {@code question : | lines}, or a text), comment lines starting with {@code #}.
     */
    public String paperForm() {
        return "benefits/" + code + ".paper-form.txt";
    }

    /**
     * @param board         on the status board and the public page
     * @param receipt       on the receipt and the paper form
     * @param title         in a notice's subject
     * @param shortName     in the counter's lists and buttons
     * @param yourRequest   "votre demande de ..." in a notice
     * @param referenceWord what its reference is called in a notice ("dossier", "demande")
     */
    public record Names(String board, String receipt, String title, String shortName, String yourRequest, String referenceWord) {
    }

    /**
     * The benefit in the counter.
     *
     * @param files where its service lists a section's files ({@code GET}, with {@code ?beneficiaryId=} or {@code ?status=})
     * @param form  the counter's screen that files an application, followed by the person's id ({@code #/aide/})
     * @param file  the counter's screen of one file, followed by the file's id ({@code #/demande/})
     * @param toExamine the statuses of its files waiting for an examination: the queue of the roles that examine
     * @param toDecide  the statuses of its files waiting for a decision: the queue of the roles that decide
     */
    public record Counter(String files, String form, String file, List<String> toExamine, List<String> toDecide) {

        public Counter {
            toExamine = List.copyOf(toExamine);
            toDecide = List.copyOf(toDecide);
        }
    }

    /** A benefit's dated figures, and how a new value is recorded. */
    public enum Figures {
        /** Its amounts rest on no dated figure. */
        NONE,
        /**
         * Kept in its service's database (platform/figures): the values shipped with the service, and those proposed by an
         * administrator and approved by another in "Paramètres" ({@code /api/<code>/parameters/proposals}).
         */
        ADMINISTERED
    }

    /** Who carries out a benefit's decisions, and reads the orders it writes. */
    public enum Partner {
        /** Pays the payment orders ({@code payment-orders.*}) and confirms them. */
        TREASURY("treasury"),
        /** Issues the Navigo passes ordered ({@code transport.pass-orders.v1}) and confirms them. */
        TRANSPORT_OPERATOR("transport-operator");

        private final String principal;

        Partner(String principal) {
            this.principal = principal;
        }

        /** Its Kafka principal, and how the declaration names it. */
        public String principal() {
            return principal;
        }

        static Partner of(String principal) {
            for (Partner partner : values()) {
                if (partner.principal.equals(principal)) {
                    return partner;
                }
            }
            throw new IllegalArgumentException("no partner " + principal);
        }
    }

    /**
     * The roles of the agents' tokens that may take each step. The one who decides is never the one who examined the
     * file (four-eyes rule).
     *
     * @param file    file an application at the counter
     * @param examine examine a file; empty when a file is decided without a separate examination
     * @param decide  grant or refuse
     */
    public record Roles(List<String> file, List<String> examine, List<String> decide) {

        public Roles {
            file = List.copyOf(file);
            examine = List.copyOf(examine);
            decide = List.copyOf(decide);
        }
    }
}
