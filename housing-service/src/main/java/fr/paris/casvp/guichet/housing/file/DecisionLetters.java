package fr.paris.casvp.guichet.housing.file;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import fr.paris.casvp.guichet.contracts.section.Sections;
import fr.paris.casvp.guichet.documents.Addressee;
import fr.paris.casvp.guichet.documents.Letter;
import fr.paris.casvp.guichet.documents.PrintedDocument;
import fr.paris.casvp.guichet.documents.PrintedDocument.Style;
import fr.paris.casvp.guichet.housing.domain.Reason;
import fr.paris.casvp.guichet.web.Agent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The decision letter of a Paris Logement file, in French, as PDF (RM I/B art. 6, I/C art. 3-4): granted, the allowance,
 * its monthly amount, the months it covers and the account it is paid to; refused, each reason with its rule. Then how to
 * contest it. Laid out for a window envelope ({@link Letter}).
 */
@Component
class DecisionLetters {

    record Notice(String fileName, byte[] pdf) {
    }

    private final FileService files;

    DecisionLetters(FileService files) {
        this.files = files;
    }

    Notice letter(UUID id, Agent agent) {
        FileView file = files.get(id, agent);
        if (file.decision() == null) {
            throw new Refusal(Refusal.Kind.CONFLICT, ProblemTypes.INVALID_TRANSITION, "No decision yet",
                    "The file " + file.number() + " is " + file.status() + ": there is no decision to notify.")
                    .with("status", file.status());
        }
        return new Notice("notification-" + file.number() + ".pdf", pdf(file, files.person(file.beneficiaryId())));
    }

    static byte[] pdf(FileView f, BeneficiarySituation person) {
        FileView.Decision d = f.decision();
        Addressee to = Addressee.of(person);
        LocalDate decided = ParisTime.dateOf(d.decidedAt());
        Letter letter = new Letter("Notification de décision — Paris Logement", Sections.directory().of(f.section()), to.block(),
                decided);
        PrintedDocument body = letter.body()
                .text(Style.HEADING, "Objet : notification de décision — Paris Logement")
                .text(Style.TEXT, (f.renewal() ? "Demande de renouvellement" : "Demande") + " n° " + f.number() + ", reçue le "
                        + ParisTime.dayInWords(f.receivedAt()) + " (récépissé " + f.receipt().number() + ").")
                .space(2)
                .text(Style.TEXT, to.greeting() + ",");
        if (d.variant() != null) {
            body.text(Style.TEXT, "Par décision de la direction de la section du " + ParisTime.inWords(decided) + ", l'allocation "
                            + d.variantName() + " vous est accordée (règlement municipal des prestations d'aide sociale facultative).")
                    .text(Style.STRONG, "Montant : " + Letter.euros(d.monthlyAmount()) + " par mois, du "
                            + ParisTime.inWords(d.validFrom()) + " au " + ParisTime.inWords(d.validUntil()) + ".")
                    .text(Style.TEXT, "Elle est versée chaque mois sur le compte " + f.iban()
                            + (f.accountHolder() == null ? "" : " (" + f.accountHolder() + ")") + ".")
                    .text(Style.HEADING, "Ce que vous devez faire")
                    .text(Style.TEXT, "Signalez à votre section tout changement de vos ressources, de votre loyer, de votre aide au "
                            + "logement ou de votre foyer : l'allocation est interrompue quand ses conditions ne sont plus remplies. "
                            + "Pour la garder après le " + ParisTime.inWords(d.validUntil()) + ", demandez son renouvellement à "
                            + "l'accueil de votre section avant cette date.");
        } else {
            body.text(Style.TEXT, "Par décision de la direction de la section du " + ParisTime.inWords(decided)
                    + ", votre demande de Paris Logement est rejetée pour "
                    + (d.refusalReasons().size() > 1 ? "les motifs suivants :" : "le motif suivant :"));
            for (String code : d.refusalReasons()) {
                body.text(Style.STRONG, "• " + inWords(code), 4);
            }
            if (d.refusalText() != null && !d.refusalText().isBlank()) {
                body.text(Style.TEXT, d.refusalText());
            }
        }
        return letter.appealRoutes().closing(to).signed();
    }

    /** A reason of refusal as the person reads it, with its rule. */
    private static String inWords(String code) {
        return Arrays.stream(Reason.values()).filter(r -> r.name().equals(code)).findFirst()
                .map(r -> r.french() + " (" + r.article() + ") ;").orElse("autre motif, précisé ci-dessous ;");
    }
}
