package fr.paris.casvp.guichet.documents;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.section.Section;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A letter of a section fit to post in a DL window envelope (110 × 220 mm, window 45 × 100 mm, 20 mm from the right
 * edge and 15 mm from the bottom): the A4 sheet folded in three shows the recipient's block, placed 100 mm from the
 * left edge and 52 mm from the top, at most six lines (the postal norm). The sender's block (the section's address,
 * phone and opening hours) is at the top left, the place and date under the window, the signatory named at the end,
 * the fold marks in the margin.
 */
public final class Letter {

    private final PrintedDocument document;
    private final Section section;

    /**
     * @param recipient the address block: the civility and name, then the address lines; the last (postcode and city)
     *                  is written in capitals, as the postal norm asks
     */
    public Letter(String title, Section section, List<String> recipient, LocalDate date) {
        this.section = section;
        this.document = PrintedDocument.a4(title, "Centre d'action sociale de la Ville de Paris — " + section.name());
        List<String> sender = new ArrayList<>();
        sender.add("Centre d'action sociale de la Ville de Paris");
        sender.add(section.name());
        sender.addAll(section.addressLines());
        document.placed(PrintedDocument.Style.STRONG, 20, 18, 80, sender.subList(0, 2));
        document.placed(PrintedDocument.Style.SMALL, 20, 27, 75, List.of(String.join(", ", section.addressLines()),
                "Téléphone : " + section.phone(), "Accueil " + section.openingHours()));
        List<String> block = new ArrayList<>(recipient.subList(0, Math.min(recipient.size(), 6)));
        if (!block.isEmpty()) {
            int last = block.size() - 1;
            block.set(last, block.get(last).toUpperCase(Locale.FRANCE));
        }
        document.placed(PrintedDocument.Style.TEXT, 100, 52, 90, block);
        document.foldMark(99).foldMark(198);
        document.flowFrom(92).right(PrintedDocument.Style.TEXT, "Paris, le " + ParisTime.inWords(date)).space(6);
    }

    /** The letter's body, to write its subject, paragraphs and headings. */
    public PrintedDocument body() {
        return document;
    }

    /** Signs with the section's named signatory, and gives the PDF. */
    public byte[] signed() {
        document.space(8).right(PrintedDocument.Style.STRONG, section.signatory())
                .right(PrintedDocument.Style.TEXT, section.signatoryRole());
        return document.toPdf();
    }
}
