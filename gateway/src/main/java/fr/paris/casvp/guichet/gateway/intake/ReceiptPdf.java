package fr.paris.casvp.guichet.gateway.intake;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import fr.paris.casvp.guichet.contracts.section.Section;
import fr.paris.casvp.guichet.contracts.section.Sections;
import fr.paris.casvp.guichet.documents.PrintedDocument;
import fr.paris.casvp.guichet.documents.PrintedDocument.Style;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The récépissé as PDF, in French: what a person takes away from the counter. Laid out for an A4 sheet, or for a
 * receipt printer's 80 mm roll ({@link Format#TICKET}, as long as its text). Carries no personal data: the number, the
 * benefit, the reception time that opens the rights (Paris time), the state, what happens next and how to follow it.
 */
final class ReceiptPdf {

    enum Format {
        A4, TICKET
    }

    private static final Map<String, String> STATUSES = Map.ofEntries(
            Map.entry("QUEUED", "reçue, en attente du service"), Map.entry("RECEIVED", "reçue"),
            Map.entry("UNDER_EXAMINATION", "en cours d'instruction"), Map.entry("GRANTED", "accordée"),
            Map.entry("REFUSED", "refusée"), Map.entry("APPEALED", "en recours"),
            Map.entry("PAYMENT_ORDERED", "accordée, paiement demandé"), Map.entry("PAID", "payée"),
            Map.entry("PAYMENT_FAILED", "accordée, paiement en échec"), Map.entry("LAPSED", "caduque (pièces non fournies)"),
            Map.entry("REJECTED", "rejetée : à déposer à nouveau"), Map.entry("REQUESTED", "demandée"),
            Map.entry("ORDERED", "commandée à l'opérateur"), Map.entry("ACTIVE", "active"),
            Map.entry("SUSPENDED", "suspendue"), Map.entry("ENDED", "terminée"),
            Map.entry("UNDER_RECOVERY", "reçue, en cours de reprise après un incident"));

    private ReceiptPdf() {
    }

    /**
     * @param followAddress the full address of the page where a person follows the receipt ({@code https://.../suivi})
     * @param holder        the person's civility and name, as the registry gives them; null: not named
     */
    static byte[] of(ReceiptState receipt, Format format, Instant printedAt, String followAddress, String holder) {
        String title = "Récépissé de dépôt de demande " + receipt.number();
        PrintedDocument document = format == Format.TICKET ? PrintedDocument.roll(title, 80)
                : PrintedDocument.a4(title, "Centre d'action sociale de la Ville de Paris — récépissé " + receipt.number());
        Section section = receipt.section() == null ? null : Sections.directory().of(receipt.section());
        document.text(Style.STRONG, "Centre d'action sociale de la Ville de Paris");
        if (section != null) {
            document.text(Style.TEXT, section.name() + ", " + section.address());
        }
        document.space(3)
                .text(Style.TITLE, "Récépissé de dépôt de demande")
                .text(Style.NUMBER, receipt.number())
                .text(Style.TEXT, "Prestation : " + Benefits.find(receipt.benefit()).map(b -> b.names().receipt()).orElse(receipt.benefit()));
        if (holder != null && !holder.isBlank()) {
            document.text(Style.STRONG, "Demandeur : " + holder.strip());
        }
        if (receipt.applicationNumber() != null) {
            document.text(Style.TEXT, "Numéro de demande : " + receipt.applicationNumber());
        }
        document.text(Style.STRONG, "Date de réception faisant foi : " + ParisTime.dayAndTimeInWords(receipt.receivedAt()) + " (heure de Paris)")
                .text(Style.TEXT, "État au " + ParisTime.dayAndTimeInWords(printedAt) + " : " + STATUSES.getOrDefault(receipt.status(), "en cours"))
                .space(2)
                .text(Style.TEXT, ReceiptState.QUEUED.equals(receipt.status())
                        ? "Le service de cette prestation était momentanément indisponible : la demande est enregistrée et sera "
                                + "instruite dès son retour, sans que vous ayez à revenir."
                        : "La demande va être instruite par la section ; la décision vous sera notifiée par courrier.")
                .text(Style.TEXT, "Vos droits sont ouverts à la date de réception ci-dessus (règlement municipal des prestations "
                        + "d'aide sociale facultative, titre I). Si des pièces manquent, la demande doit être complétée dans les "
                        + "deux mois qui suivent.");
        List<String> missing = receipt.details() == null ? List.of() : receipt.details().missingDocuments();
        if (!missing.isEmpty()) {
            document.text(Style.STRONG, "Pièces à apporter à votre section :");
            missing.forEach(piece -> document.text(Style.TEXT, "• " + piece, 4));
        }
        document
                .text(Style.TEXT, "Conservez ce récépissé : son numéro et votre date de naissance permettent de suivre la demande "
                        + "sur la page « Suivre ma demande », " + followAddress + ", ou auprès de votre section.");
        if (section != null) {
            document.text(Style.SMALL, "Téléphone : " + section.phone() + ". Accueil " + section.openingHours() + ".");
        }
        return document.toPdf();
    }

}
