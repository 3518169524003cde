package fr.paris.casvp.guichet.documents;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.section.Section;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRANCE);

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

    /**
     * How to contest a decision (CRPA L411-2, CJA R421-1 and R421-5): two months, a recours administratif to its
     * author, and/or the Tribunal administratif de Paris, and how the first extends the second's delay.
     */
    public Letter appealRoutes() {
        document.space(2).text(PrintedDocument.Style.HEADING, "Si vous n'êtes pas d'accord avec cette décision")
                .text(PrintedDocument.Style.TEXT, "Vous avez deux mois à compter de la réception de ce courrier pour la contester. "
                        + "Vous pouvez :")
                .text(PrintedDocument.Style.TEXT, "• former un recours administratif : écrivez à l'auteur de la décision, "
                        + section.signatoryRole() + ", " + section.address() + ", en expliquant pourquoi vous contestez la "
                        + "décision et en joignant une copie de ce courrier ; ", 4)
                .text(PrintedDocument.Style.TEXT, "• et/ou former un recours contentieux devant le Tribunal administratif de Paris, "
                        + "7 rue de Jouy, 75181 Paris Cedex 04, par courrier ou sur www.telerecours.fr (Télérecours citoyens).", 4)
                .text(PrintedDocument.Style.TEXT, "Si vous formez d'abord un recours administratif, le délai de deux mois pour "
                        + "saisir le tribunal recommence à courir à compter de la réponse, ou de l'absence de réponse pendant deux "
                        + "mois.");
        return this;
    }

    /** The professional secrecy the file is under, and the closing formula. */
    public Letter closing(Addressee addressee) {
        document.space(2)
                .text(PrintedDocument.Style.SMALL, "Les informations vous concernant sont couvertes par le secret professionnel "
                        + "(article L133-5 du code de l'action sociale et des familles) ; vous pouvez les consulter et les faire "
                        + "corriger auprès de votre section.")
                .space(2)
                .text(PrintedDocument.Style.TEXT, "Nous vous prions d'agréer, " + addressee.greeting()
                        + ", l'expression de nos salutations distinguées.");
        return this;
    }

    /** An amount as a French letter writes it: "1 234,50 €" (ordinary spaces: every font prints them). */
    public static String euros(BigDecimal amount) {
        return NumberFormat.getCurrencyInstance(Locale.FRANCE).format(amount).replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    /** A month as a French letter writes it: "décembre 2026". */
    public static String month(LocalDate anyDayOfIt) {
        return MONTH.format(anyDayOfIt);
    }

    /** Signs with the section's named signatory, and gives the PDF. */
    public byte[] signed() {
        document.space(8).right(PrintedDocument.Style.STRONG, section.signatory())
                .right(PrintedDocument.Style.TEXT, section.signatoryRole());
        return document.toPdf();
    }
}
