package fr.paris.casvp.guichet.documents;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.contracts.section.Sections;
import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;

class LetterTest {

    private static final float MM = PrintedDocument.MM;

    private static byte[] letter() {
        Letter letter = new Letter("Notification de décision", Sections.directory().of("13"),
                List.of("Madame Émilie Ørsted-Nguyễn", "Bâtiment B, escalier 3", "12 rue de la Glacière", "75013 Paris"),
                LocalDate.of(2026, 12, 1));
        letter.body().text(PrintedDocument.Style.HEADING, "Objet : notification de décision")
                .text(PrintedDocument.Style.TEXT, "Madame,");
        for (int i = 0; i < 40; i++) {
            letter.body().text(PrintedDocument.Style.TEXT, "Paragraphe " + i + " : une phrase assez longue pour passer à la ligne "
                    + "quand elle atteint la marge de droite de la page, ce qui arrive vite avec ces mots-là.");
        }
        return letter.signed();
    }

    @Test
    void theRecipientBlockShowsInTheWindowOfADlEnvelopeWithTheCityInCapitals() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(letter())) {
            PDFTextStripperByArea window = new PDFTextStripperByArea();
            // The window of a DL envelope on the sheet folded in three: 100 × 45 mm, from 95 mm of the left edge and
            // 50 mm of the top (the sheet is 10 mm narrower than the envelope).
            window.addRegion("window", new Rectangle2D.Float(95 * MM, 50 * MM, 100 * MM, 45 * MM));
            window.extractRegions(pdf.getPage(0));
            assertThat(window.getTextForRegion("window").trim().split("\\R")).containsExactly(
                    "Madame Émilie Ørsted-Nguyễn", "Bâtiment B, escalier 3", "12 rue de la Glacière", "75013 PARIS");
        }
    }

    @Test
    void everyNameAndTheSectionPrintRightWithAnEmbeddedFontTheDateSays1erAndPagesAreNumbered() throws Exception {
        byte[] bytes = letter();
        Path printed = Path.of("target/printed/lettre-exemple.pdf");
        Files.createDirectories(printed.getParent());
        Files.write(printed, bytes);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Émilie Ørsted-Nguyễn", "Paris, le 1er décembre 2026", "Section du 13e arrondissement",
                    "146 boulevard de l'Hôpital", "Hélène Lefèvre-Nguyễn", "Page 1 sur " + pdf.getNumberOfPages());
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font).isInstanceOf(PDType0Font.class);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
    }

    @Test
    void theDocumentIsTaggedInFrenchWithItsTitleHeadingsAndParagraphsInReadingOrder() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(letter())) {
            var catalog = pdf.getDocumentCatalog();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getLanguage()).isEqualTo("fr-FR");
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Notification de décision");
            PDStructureElement document = (PDStructureElement) catalog.getStructureTreeRoot().getKids().get(0);
            assertThat(document.getStructureType()).isEqualTo("Document");
            List<String> types = new ArrayList<>();
            for (Object kid : document.getKids()) {
                types.add(((PDStructureNode) kid) instanceof PDStructureElement e ? e.getStructureType() : "?");
            }
            assertThat(types).contains("H2").allMatch(type -> type.equals("P") || type.equals("H2"));
            assertThat(catalog.getStructureTreeRoot().getParentTree()).isNotNull();
            assertThat(pdf.getPage(0).getStructParents()).isZero();
        }
    }

    @Test
    void aCharacterTheFontLacksIsPrintedWithoutItsAccentOrAsAQuestionMark() {
        PrintedDocument document = PrintedDocument.a4("t", null);
        assertThat(document.printable("Łukasz Wałęsa 王\tNguyễn\u202f€")).isEqualTo("Łukasz Wałęsa ? Nguyễn\u00a0€");
        document.toPdf();
    }
}
