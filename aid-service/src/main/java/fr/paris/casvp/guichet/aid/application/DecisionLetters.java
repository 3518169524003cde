package fr.paris.casvp.guichet.aid.application;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import fr.paris.casvp.guichet.contracts.section.Section;
import fr.paris.casvp.guichet.contracts.section.Sections;
import fr.paris.casvp.guichet.documents.Addressee;
import fr.paris.casvp.guichet.documents.Letter;
import fr.paris.casvp.guichet.documents.PrintedDocument;
import fr.paris.casvp.guichet.documents.PrintedDocument.Style;
import fr.paris.casvp.guichet.web.Agent;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The decision letter (notification) in French, as PDF, with what RM I/B art. 6 and I/C art. 3-4 require: the nature of
 * the aid, its amount, the date of the decision, the reasons of a refusal, and the appeal routes with their addresses
 * (recours administratif to the section's director; Tribunal administratif de Paris within 2 months). The latest
 * decision is notified (after an appeal, the new one). Laid out for a window envelope and signed by the section's named
 * signatory ({@link Letter}); the person is greeted by the civility of their file.
 */
@Component
class DecisionLetters {

    record Notice(String fileName, byte[] pdf) {
    }

    private final ApplicationService applications;

    DecisionLetters(ApplicationService applications) {
        this.applications = applications;
    }

    Notice letter(UUID id, Agent agent) {
        ApplicationService.Notification notification = applications.notification(id, agent);
        ApplicationView application = ApplicationView.of(notification.application());
        ApplicationView.DecisionView decision = application.decisions().get(application.decisions().size() - 1);
        return new Notice("notification-" + application.number() + ".pdf", pdf(application, decision, notification.person()));
    }

    /** The letter of a decision: the recipient from the file, the section's details, the decision, how to contest it. */
    static byte[] pdf(ApplicationView a, ApplicationView.DecisionView d, BeneficiarySituation person) {
        Section section = Sections.directory().of(a.section());
        Addressee to = Addressee.of(person);
        Letter letter = new Letter("Notification de décision — allocation exceptionnelle", section, to.block(), d.decisionDate());
        PrintedDocument body = letter.body()
                .text(Style.HEADING, "Objet : notification de décision — allocation exceptionnelle")
                .text(Style.TEXT, "Demande n° " + a.number() + ", reçue le " + ParisTime.dayInWords(a.receivedAt())
                        + " (récépissé " + a.receipt().number() + "). Motif de la demande : " + a.category().label()
                        + (a.disasterEvent() == null ? "" : " (sinistre " + a.disasterEvent() + ")") + ".")
                .space(2)
                .text(Style.TEXT, to.greeting() + ",");
        if (d.outcome().equals("GRANTED")) {
            body.text(Style.TEXT, "Par décision de la direction de la section du " + ParisTime.inWords(d.decisionDate())
                            + (d.onAppeal() ? ", prise sur votre recours," : ",") + " une allocation exceptionnelle vous est "
                            + "accordée. C'est une aide ponctuelle en argent, versée une fois, que la Ville de Paris accorde à une "
                            + "personne qui fait face à une dépense imprévue (règlement municipal des prestations d'aide sociale "
                            + "facultative, titre V, chapitre 2.1).")
                    .text(Style.STRONG, "Montant accordé : " + Letter.euros(d.amount()))
                    .text(Style.TEXT, "Date de la décision : " + ParisTime.inWords(d.decisionDate())
                            + ". Participation demandée : aucune. Aide ponctuelle, sans renouvellement régulier.")
                    .text(Style.TEXT, "Versement : " + (a.payee().kind().equals("CREDITOR")
                            ? "directement à " + a.payee().accountHolder() + ", en règlement de votre dette"
                            : "sur votre compte") + " (IBAN " + a.payee().iban() + ").");
            if (a.requestedAmount().compareTo(d.amount()) > 0) {
                body.text(Style.TEXT, "Le montant accordé est inférieur au montant demandé (" + Letter.euros(a.requestedAmount()) + ")"
                        + (d.reasonText() == null ? "." : " : " + d.reasonText()));
            }
        } else {
            body.text(Style.TEXT, "Par décision de la direction de la section du " + ParisTime.inWords(d.decisionDate())
                            + (d.onAppeal() ? ", prise sur votre recours," : ",") + " votre demande d'allocation exceptionnelle de "
                            + Letter.euros(a.requestedAmount()) + " est rejetée pour le motif suivant :")
                    .text(Style.STRONG, d.reasonCode().letterText());
            if (d.reasonText() != null) {
                body.text(Style.TEXT, d.reasonText());
            }
        }
        return letter.appealRoutes().closing(to).signed();
    }
}
