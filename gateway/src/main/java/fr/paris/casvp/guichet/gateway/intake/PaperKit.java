package fr.paris.casvp.guichet.gateway.intake;

import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptSeries;
import fr.paris.casvp.guichet.contracts.section.Section;
import fr.paris.casvp.guichet.documents.Markdown;
import fr.paris.casvp.guichet.documents.PrintedDocument;
import fr.paris.casvp.guichet.documents.PrintedDocument.Style;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The paper kit of a section, for the day when no computer works (issue #16): the agents' degraded procedure
 * ({@code paper-kit/procedure-degradee.md}, in French, printed as is) and the paper forms of each declared benefit
 * (its own questions in its {@code benefits/<code>.paper-form.txt}), one per
 * receipt number of a series reserved for the section, with a slip to cut off and hand to the person. Typed in later
 * at the counter ("Saisie d'un formulaire papier"), a form keeps its number and the reception time written on it.
 */
final class PaperKit {

    /** The benefits that have a paper form: every one declared. */
    static final List<String> BENEFITS = Benefits.codes();

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
        String name = Benefits.of(benefit).names().receipt();
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
        questions(document, resource(Benefits.of(benefit).paperForm()));
        document.writeIn("Pièces présentées :", 1)
                .writeIn("Signature de la personne — nom et signature de l'agent :", 1)
                .cutLine("Coupon à remettre à la personne")
                .text(Style.STRONG, "Récépissé de dépôt de demande n° " + number + " — " + name)
                .writeIn("Reçue le (JJ/MM/AAAA) à (heure) — cette date fait foi et ouvre vos droits :", 1)
                .text(Style.SMALL, "Votre demande sera enregistrée dès le retour du système, sans que vous ayez à revenir. Suivez-la "
                        + "sur la page « Suivre ma demande » du site de la Ville avec ce numéro et votre date de naissance, ou "
                        + "auprès de la " + section.name().toLowerCase(java.util.Locale.FRANCE) + " : " + section.phone() + ".");
    }

    /**
     * A benefit's own questions, from its declared paper form: {@code [ ] choice} a box (boxes that follow each other
     * go together), {@code question : | n} a question with n lines to write in, any other line a text.
     */
    static void questions(PrintedDocument document, String form) {
        List<String> boxes = new ArrayList<>();
        for (String line : form.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            if (line.startsWith("[ ] ")) {
                boxes.add(line.substring(4).strip());
                continue;
            }
            if (!boxes.isEmpty()) {
                document.checkboxes(List.copyOf(boxes));
                boxes.clear();
            }
            int bar = line.lastIndexOf(" | ");
            if (bar > 0) {
                document.writeIn(line.substring(0, bar).strip(), Integer.parseInt(line.substring(bar + 3).strip()));
            } else {
                document.text(Style.TEXT, line);
            }
        }
        if (!boxes.isEmpty()) {
            document.checkboxes(boxes);
        }
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
