package fr.paris.casvp.guichet.gateway.intake;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The récépissé as PDF, in French: what a person takes away from the counter. Laid out for an A4 sheet, or for a
 * receipt printer's 80 mm roll ({@link Format#TICKET}, as long as its text). Carries no personal data: the number, the
 * benefit, the reception time that opens the rights (Paris time), the state, what happens next and how to follow it.
 */
final class ReceiptPdf {

    enum Format {
        A4(PDRectangle.A4.getWidth(), 56, 11, 26),
        TICKET(80 / 25.4f * 72, 10, 8.5f, 15);

        final float width;
        final float margin;
        final float size;
        final float numberSize;

        Format(float width, float margin, float size, float numberSize) {
            this.width = width;
            this.margin = margin;
            this.size = size;
            this.numberSize = numberSize;
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm", Locale.FRANCE)
            .withZone(ParisTime.ZONE);
    private static final Map<String, String> BENEFITS = Map.of("aid", "Allocation exceptionnelle",
            "solidarity", "Paris Solidarité", "transport", "Navigo (Émeraude, Améthyste, Pass Paris Seniors ou Access')");
    private static final Map<String, String> STATUSES = Map.ofEntries(
            Map.entry("QUEUED", "reçue, en attente du service"), Map.entry("RECEIVED", "reçue"),
            Map.entry("UNDER_EXAMINATION", "en cours d'instruction"), Map.entry("GRANTED", "accordée"),
            Map.entry("REFUSED", "refusée"), Map.entry("APPEALED", "en recours"),
            Map.entry("PAYMENT_ORDERED", "accordée, paiement demandé"), Map.entry("PAID", "payée"),
            Map.entry("PAYMENT_FAILED", "accordée, paiement en échec"), Map.entry("LAPSED", "caduque (pièces non fournies)"),
            Map.entry("REJECTED", "rejetée : à déposer à nouveau"), Map.entry("REQUESTED", "demandée"),
            Map.entry("ORDERED", "commandée à l'opérateur"), Map.entry("ACTIVE", "active"),
            Map.entry("SUSPENDED", "suspendue"), Map.entry("ENDED", "terminée"));

    private record Line(String text, float size, boolean bold) {
    }

    private ReceiptPdf() {
    }

    static byte[] of(ReceiptState receipt, Format format, Instant printedAt) {
        List<Line> lines = new ArrayList<>();
        float size = format.size;
        lines.add(new Line("Centre d'action sociale de la Ville de Paris", size, true));
        if (receipt.section() != null) {
            lines.add(new Line("Section du " + ("1".equals(receipt.section()) ? "1er" : receipt.section() + "e")
                    + " arrondissement", size, false));
        }
        lines.add(new Line("", size, false));
        lines.add(new Line("Récépissé de dépôt de demande", size * 1.4f, true));
        lines.add(new Line(receipt.number(), format.numberSize, true));
        lines.add(new Line("", size, false));
        lines.add(new Line("Prestation : " + BENEFITS.getOrDefault(receipt.benefit(), receipt.benefit()), size, false));
        if (receipt.applicationNumber() != null) {
            lines.add(new Line("Numéro de demande : " + receipt.applicationNumber(), size, false));
        }
        lines.add(new Line("Date de réception faisant foi : " + when(receipt.receivedAt()) + " (heure de Paris)", size, true));
        lines.add(new Line("État au " + when(printedAt) + " : " + STATUSES.getOrDefault(receipt.status(), "en cours"),
                size, false));
        lines.add(new Line("", size, false));
        lines.add(new Line(ReceiptState.QUEUED.equals(receipt.status())
                ? "Le service de cette prestation était momentanément indisponible : la demande est enregistrée et sera "
                        + "instruite dès son retour, sans que vous ayez à revenir."
                : "La demande va être instruite par la section ; la décision vous sera notifiée par courrier.", size, false));
        lines.add(new Line("", size / 2, false));
        lines.add(new Line("Vos droits sont ouverts à la date de réception ci-dessus (règlement municipal des prestations "
                + "d'aide sociale facultative, titre I). Si des pièces manquent, la demande doit être complétée dans les deux "
                + "mois qui suivent.", size, false));
        lines.add(new Line("", size / 2, false));
        lines.add(new Line("Conservez ce récépissé : son numéro et votre date de naissance permettent de suivre la demande "
                + "auprès de votre section.", size, false));
        return render(lines, format, "Récépissé de dépôt de demande " + receipt.number());
    }

    /** {@code 1er décembre 2026 à 10:07}, Paris time. */
    private static String when(Instant instant) {
        String text = WHEN.format(instant);
        return text.startsWith("1 ") ? "1er" + text.substring(1) : text;
    }

    private static byte[] render(List<Line> lines, Format format, String title) {
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        float textWidth = format.width - 2 * format.margin;
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            List<Line> wrapped = new ArrayList<>();
            for (Line line : lines) {
                for (String part : wrap(line.text(), line.bold() ? bold : regular, line.size(), textWidth)) {
                    wrapped.add(new Line(part, line.size(), line.bold()));
                }
            }
            float height = format == Format.A4 ? PDRectangle.A4.getHeight()
                    : 2 * format.margin + (float) wrapped.stream().mapToDouble(l -> l.size() * 1.45).sum();
            PDPage page = new PDPage(new PDRectangle(format.width, height));
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                float y = height - format.margin;
                for (Line line : wrapped) {
                    y -= line.size() * 1.45f;
                    if (!line.text().isEmpty()) {
                        content.beginText();
                        content.setFont(line.bold() ? bold : regular, line.size());
                        content.newLineAtOffset(format.margin, y);
                        content.showText(line.text());
                        content.endText();
                    }
                }
            }
            document.getDocumentInformation().setTitle(title);
            document.getDocumentInformation().setAuthor("Centre d'action sociale de la Ville de Paris");
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> wrapped = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
                wrapped.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        wrapped.add(line.toString());
        return wrapped;
    }
}
