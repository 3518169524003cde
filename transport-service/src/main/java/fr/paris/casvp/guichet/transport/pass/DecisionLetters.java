package fr.paris.casvp.guichet.transport.pass;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import fr.paris.casvp.guichet.contracts.section.Sections;
import fr.paris.casvp.guichet.documents.Addressee;
import fr.paris.casvp.guichet.documents.Letter;
import fr.paris.casvp.guichet.documents.PrintedDocument;
import fr.paris.casvp.guichet.documents.PrintedDocument.Style;
import fr.paris.casvp.guichet.transport.domain.Navigo;
import fr.paris.casvp.guichet.transport.domain.Pass;
import fr.paris.casvp.guichet.transport.domain.PassStatus;
import fr.paris.casvp.guichet.web.Agent;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The decision letter of a Navigo request, in French, as PDF (RM II.3.1 / III.3.1; RM I/B art. 6, I/C art. 3-4):
 * granted, the product, its zones, the card it is loaded on, the dates it is valid and the annual participation; refused,
 * the reasons. Then how to contest it. Laid out for a window envelope ({@link Letter}).
 */
@Component
class DecisionLetters {

    record Notice(String fileName, byte[] pdf) {
    }

    /** The products as the person reads them. */
    static final Map<String, String> PRODUCTS = Map.of(
            "NAVIGO_EMERAUDE_AMETHYSTE", "forfait Navigo Émeraude Améthyste",
            "PASS_PARIS_SENIORS", "forfait Pass Paris Seniors",
            "PASS_PARIS_ACCESS", "forfait Pass Paris Access'");

    /** Each refusal reason as the person reads it. */
    static final Map<String, String> REASONS = Map.of(
            Navigo.NOT_ELDERLY_OR_DISABLED, "vous n'avez pas 65 ans (60 ans si vous êtes reconnu inapte au travail) et aucun "
                    + "handicap n'est reconnu au sens du règlement municipal ;",
            Navigo.RESIDENCE_TOO_SHORT, "vous ne justifiez pas de trois années de résidence à Paris au cours des cinq dernières "
                    + "années ;",
            Navigo.INCOME_TAX_ABOVE_CEILING, "l'impôt sur le revenu de votre foyer dépasse le plafond fixé par le règlement ;",
            Navigo.NO_FIXED_ADDRESS, "ce droit est réservé aux personnes qui ont un domicile à Paris ;",
            "OTHER", "autre motif, précisé ci-dessous ;");

    private final PassService passes;

    DecisionLetters(PassService passes) {
        this.passes = passes;
    }

    Notice letter(UUID id, Agent agent) {
        Pass pass = passes.get(id, agent);
        if (pass.decision() == null) {
            throw new Refusal(Refusal.Kind.CONFLICT, ProblemTypes.INVALID_TRANSITION, "No decision yet",
                    "The request " + pass.number() + " is " + pass.status() + ": there is no decision to notify.")
                    .with("status", pass.status().name());
        }
        return new Notice("notification-" + pass.number() + ".pdf", pdf(pass, passes.person(pass)));
    }

    static byte[] pdf(Pass p, BeneficiarySituation person) {
        Pass.Decision d = p.decision();
        Addressee to = Addressee.of(person);
        LocalDate decided = ParisTime.dateOf(d.decidedAt());
        Letter letter = new Letter("Notification de décision — Navigo", Sections.directory().of(p.section()), to.block(), decided);
        PrintedDocument body = letter.body()
                .text(Style.HEADING, "Objet : notification de décision — forfait Navigo")
                .text(Style.TEXT, (p.renewalOf() == null ? "Demande" : "Demande de renouvellement") + " n° " + p.number()
                        + ", reçue le " + ParisTime.dayInWords(p.receivedAt()) + " (récépissé " + p.receiptNumber() + ").")
                .space(2)
                .text(Style.TEXT, to.greeting() + ",");
        if (d.product() != null) {
            body.text(Style.TEXT, "Par décision de la direction de la section du " + ParisTime.inWords(decided) + ", le "
                            + PRODUCTS.getOrDefault(d.product(), d.product()) + " vous est accordé (règlement municipal des "
                            + "prestations d'aide sociale facultative, titres II et III, chapitre 3.1).")
                    .text(Style.STRONG, "Zones : " + p.zones().replace("-", " à ") + ". Valable du " + ParisTime.inWords(d.validFrom())
                            + " au " + ParisTime.inWords(d.validUntil()) + ".")
                    .text(Style.TEXT, "Il est chargé par le transporteur sur votre carte Navigo n° " + p.navigoCardNumber()
                            + " : vous n'avez pas à changer de carte. Il ne peut servir qu'à partir du "
                            + ParisTime.inWords(d.validFrom()) + ".");
            Pass.Participation participation = p.participation();
            if (participation != null && participation.due() != null && participation.due().signum() > 0) {
                body.text(Style.STRONG, "Participation annuelle : " + Letter.euros(participation.due()))
                        .text(Style.TEXT, participation.paidAt() == null
                                ? "Elle est à régler à l'accueil de votre section, qui vous remet un reçu."
                                : "Vous l'avez réglée le " + ParisTime.dayInWords(participation.paidAt()) + ".");
            } else {
                body.text(Style.STRONG, "Participation annuelle : aucune, ce forfait est gratuit pour vous.");
            }
            if (p.status() == PassStatus.CANCELLED) {
                body.text(Style.TEXT, "Ce forfait a depuis été annulé.");
            }
            body.text(Style.HEADING, "Ce que vous devez faire")
                    .text(Style.TEXT, "Si vous perdez votre carte ou si elle est volée, signalez-le à votre section : le forfait "
                            + "sera chargé sur votre nouvelle carte. Pour le garder l'an prochain, demandez son renouvellement à "
                            + "l'accueil de votre section : un rappel vous sera adressé avant la fin de sa validité.");
        } else {
            body.text(Style.TEXT, "Par décision de la direction de la section du " + ParisTime.inWords(decided)
                    + ", votre demande de forfait Navigo est rejetée pour "
                    + (d.refusalReasons() != null && d.refusalReasons().size() > 1 ? "les motifs suivants :" : "le motif suivant :"));
            List<String> reasons = d.refusalReasons() == null ? List.of() : d.refusalReasons();
            for (String reason : reasons) {
                body.text(Style.STRONG, "• " + REASONS.getOrDefault(reason, "une condition du règlement n'est pas remplie ;"), 4);
            }
            if (d.refusalText() != null && !d.refusalText().isBlank()) {
                body.text(Style.TEXT, d.refusalText());
            }
        }
        return letter.appealRoutes().closing(to).signed();
    }
}
