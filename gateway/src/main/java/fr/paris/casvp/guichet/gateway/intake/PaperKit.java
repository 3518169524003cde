package fr.paris.casvp.guichet.gateway.intake;

import fr.paris.casvp.guichet.contracts.receipt.ReceiptSeries;
import fr.paris.casvp.guichet.contracts.section.Section;
import fr.paris.casvp.guichet.documents.Markdown;
import fr.paris.casvp.guichet.documents.PrintedDocument;
import fr.paris.casvp.guichet.documents.PrintedDocument.Style;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The paper kit of a section, for the day when no computer works (issue #16): the agents' degraded procedure
 * ({@code paper-kit/procedure-degradee.md}, in French, printed as is) and the paper forms of each benefit, one per
 * receipt number of a series reserved for the section, with a slip to cut off and hand to the person. Typed in later
 * at the counter ("Saisie d'un formulaire papier"), a form keeps its number and the reception time written on it.
 */
final class PaperKit {

    static final List<String> BENEFITS = List.of("aid", "solidarity", "transport");

    private PaperKit() {
    }

    /** The agents' procedure, with the section's name. */
    static byte[] procedure(Section section) {
        PrintedDocument document = PrintedDocument.a4("Procédure dégradée — fiche de l'agent d'accueil",
                "Centre d'action sociale de la Ville de Paris — " + section.name() + " — procédure dégradée");
        document.text(Style.SMALL, "Centre d'action sociale de la Ville de Paris — " + section.name());
        Markdown.print(resource("paper-kit/procedure-degradee.md"), document);
        return document.toPdf();
    }

    /** One form per number of the series, for this benefit. */
    static byte[] forms(String benefit, ReceiptSeries series, Section section) {
        String name = ReceiptPdf.BENEFITS.get(benefit);
        PrintedDocument document = PrintedDocument.a4("Formulaires papier — " + name + " — série " + series.prefix(),
                "CASVP — " + section.name() + " — formulaire de secours, à saisir au guichet dans les deux mois");
        List<String> numbers = series.numbers();
        for (int i = 0; i < numbers.size(); i++) {
            if (i > 0) {
                document.newPage();
            }
            form(document, benefit, name, numbers.get(i), section);
        }
        return document.toPdf();
    }

    private static void form(PrintedDocument document, String benefit, String name, String number, Section section) {
        document.text(Style.SMALL, "Centre d'action sociale de la Ville de Paris — " + section.name() + " — " + section.address())
                .text(Style.HEADING, "Demande — " + name + " — formulaire de secours")
                .text(Style.STRONG, "Récépissé n° " + number)
                .writeIn("Reçue le (JJ/MM/AAAA) et à (heure) — date de réception faisant foi :", 1)
                .writeIn("Nom, prénoms, date de naissance de la personne ; n° de dossier s'il est connu :", 2)
                .writeIn("Adresse, téléphone, adresse électronique (pour être prévenue) :", 1);
        switch (benefit) {
            case "aid" -> document.text(Style.TEXT, "Motif de la demande :")
                    .checkboxes(List.of("Énergie (électricité, gaz)", "Eau", "Impayés de loyer", "Alimentation", "Frais de santé",
                            "Équipement de première nécessité", "Sinistre", "Autre difficulté financière temporaire"))
                    .writeIn("Montant demandé (€) et exposé de la situation :", 2)
                    .writeIn("Versement à (la personne ou le créancier), titulaire du compte et IBAN :", 1);
            case "solidarity" -> document.checkboxes(List.of("Première demande", "Renouvellement"))
                    .writeIn("Ressources mensuelles du foyer (nature et montant) :", 2)
                    .writeIn("Titulaire du compte et IBAN :", 1);
            default -> document.text(Style.TEXT, "Forfait demandé :")
                    .checkboxes(List.of("Pass Paris Seniors (65 ans, ou 60 ans et inapte au travail)",
                            "Pass Paris Access' (adulte handicapé)"))
                    .writeIn("Numéro du passe Navigo, zones, dernier avis d'impôt (montant de l'impôt) :", 1);
        }
        document.writeIn("Pièces présentées :", 1)
                .writeIn("Signature de la personne — nom et signature de l'agent :", 1)
                .cutLine("Coupon à remettre à la personne")
                .text(Style.STRONG, "Récépissé de dépôt de demande n° " + number + " — " + name)
                .writeIn("Reçue le (JJ/MM/AAAA) à (heure) — cette date fait foi et ouvre vos droits :", 1)
                .text(Style.SMALL, "Votre demande sera enregistrée dès le retour du système, sans que vous ayez à revenir. Suivez-la "
                        + "sur la page « Suivre ma demande » du site de la Ville avec ce numéro et votre date de naissance, ou "
                        + "auprès de la " + section.name().toLowerCase(java.util.Locale.FRANCE) + " : " + section.phone() + ".");
    }

    private static String resource(String name) {
        try (InputStream in = PaperKit.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
