package fr.paris.casvp.guichet.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptSeries;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import fr.paris.casvp.guichet.contracts.section.Sections;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The paper kit and the récépissé as printed. Each PDF is also written to {@code target/printed}, where
 * {@code docs/printed/render} turns it into the pictures of the README.
 */
class PaperKitTest {

    private static final Path PRINTED = Path.of("target/printed");

    @Test
    void eachFormOfABenefitFitsOnePageWithItsNumberTwiceForTheFileAndForThePerson() throws Exception {
        ReceiptSeries series = ReceiptSeries.drawn("K7QD2M9", 2, "13", "agent13", Instant.parse("2026-12-01T08:00:00Z"));
        for (String benefit : PaperKit.BENEFITS) {
            byte[] forms = PaperKit.forms(benefit, series, Sections.directory().of("13"));
            save("formulaire-" + benefit + ".pdf", forms);
            try (PDDocument document = Loader.loadPDF(forms)) {
                assertThat(document.getNumberOfPages()).as(benefit + ": one page per form").isEqualTo(2);
                PDFTextStripper page = new PDFTextStripper();
                page.setStartPage(2);
                page.setEndPage(2);
                String second = page.getText(document);
                assertThat(second.split(series.numbers().get(1), -1)).as("the number on the form and on the slip").hasSize(3);
                assertThat(second).contains("formulaire de secours", "Coupon à remettre à la personne", "faisant foi");
                assertThat(second).as(benefit + ": the questions of its declared paper form").contains(questions(benefit));
            }
        }
    }

    /** What each line of a benefit's paper form asks, as printed (without "[ ] " or the lines to write in). */
    private static List<String> questions(String benefit) throws Exception {
        try (var in = PaperKitTest.class.getClassLoader().getResourceAsStream(Benefits.of(benefit).paperForm())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.replaceFirst("^\\[ \\] ", "").replaceFirst(" \\| \\d+$", "")).toList();
        }
    }

    @Test
    void theProcedureIsInFrenchForAgentsAndTheReceiptPrintsTheSectionsDetails() throws Exception {
        byte[] procedure = PaperKit.procedure(Sections.directory().of("18"));
        save("procedure-degradee.pdf", procedure);
        try (PDDocument document = Loader.loadPDF(procedure)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Procédure dégradée — fiche de l'agent d'accueil", "Section du 18e arrondissement",
                    "Plus aucun ordinateur ne fonctionne", "Responsable de la section").doesNotContain("**", "/api", "`");
        }
        ReceiptState receipt = new ReceiptState("K7QD-2M9X-4TR0", "aid", "RECEIVED", Instant.parse("2026-12-01T09:07:00Z"),
                null, "AE-2026-000042", "13", null, null, Instant.parse("2026-12-01T09:07:00Z"),
                ReceiptState.Details.of(null, false, null, null, List.of("Dernière facture d'électricité")));
        byte[] a4 = ReceiptPdf.of(receipt, ReceiptPdf.Format.A4, Instant.parse("2026-12-01T09:08:00Z"), "https://guichet.paris.fr/suivi",
                "Madame Émilie Ørsted-Nguyễn");
        byte[] ticket = ReceiptPdf.of(receipt, ReceiptPdf.Format.TICKET, Instant.parse("2026-12-01T09:08:00Z"),
                "https://guichet.paris.fr/suivi", "Madame Émilie Ørsted-Nguyễn");
        save("recepisse.pdf", a4);
        save("recepisse-ticket.pdf", ticket);
        try (PDDocument document = Loader.loadPDF(a4)) {
            assertThat(new PDFTextStripper().getText(document)).contains("K7QD-2M9X-4TR0",
                    "Date de réception faisant foi : 1er décembre 2026 à 10:07", "146 boulevard de l'Hôpital")
                    // Issue #36: "(/suivi)" was no address anyone could type.
                    .contains("« Suivre ma demande », https://guichet.paris.fr/suivi, ou auprès de votre section")
                    // Issue #36: the receipt did not name the person, nor the documents still missing.
                    .contains("Demandeur : Madame Émilie Ørsted-Nguyễn", "Pièces à apporter à votre section :",
                            "• Dernière facture d'électricité");
        }
    }

    private static void save(String name, byte[] pdf) throws Exception {
        Files.createDirectories(PRINTED);
        Files.write(PRINTED.resolve(name), pdf);
    }
}
