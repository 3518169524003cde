package fr.paris.casvp.guichet.aid.application;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import fr.paris.casvp.guichet.web.Agent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;
import org.springframework.stereotype.Component;

/**
 * The decision letter (notification) in French, as PDF, with what RM I/B art. 6 and I/C art. 3-4 require: the nature of
 * the aid, its amount, the date of the decision, the reasons of a refusal, and the appeal routes (recours administratif
 * to the decider; Tribunal administratif de Paris within 2 months). The latest decision is notified (after an appeal,
 * the new one).
 */
@Component
class DecisionLetters {

    record Letter(String fileName, byte[] pdf) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final ApplicationService applications;

    DecisionLetters(ApplicationService applications) {
        this.applications = applications;
    }

    Letter letter(UUID id, Agent agent) {
        ApplicationService.Notification notification = applications.notification(id, agent);
        ApplicationView application = ApplicationView.of(notification.application());
        ApplicationView.DecisionView decision = application.decisions().get(application.decisions().size() - 1);
        return new Letter("notification-" + application.number() + ".pdf", pdf(lines(application, decision, notification.person())));
    }

    private static List<Line> lines(ApplicationView a, ApplicationView.DecisionView d, BeneficiarySituation person) {
        List<Line> lines = new ArrayList<>();
        lines.add(Line.bold("Centre d'action sociale de la Ville de Paris"));
        lines.add(Line.plain("Section du " + arrondissement(a.section()) + " arrondissement"));
        lines.add(Line.blank());
        lines.add(Line.plain(person.identity().firstNames() + " " + person.identity().lastName()));
        if (person.address() != null) {
            lines.add(Line.plain(person.address().line1()));
            if (person.address().line2() != null && !person.address().line2().isBlank()) {
                lines.add(Line.plain(person.address().line2()));
            }
            lines.add(Line.plain(person.address().postcode() + " " + person.address().city()));
        } else if (person.noFixedAddress() != null) {
            lines.add(Line.plain("Domiciliation : " + person.noFixedAddress().psa()));
        }
        lines.add(Line.blank());
        lines.add(Line.plain("Paris, le " + DATE.format(d.decisionDate())));
        lines.add(Line.blank());
        lines.add(Line.bold("Objet : notification de décision — allocation exceptionnelle"));
        lines.add(Line.plain("Demande n° " + a.number() + ", reçue le " + DATE.format(a.receivedAt().atZone(ParisTime.ZONE))
                + " (récépissé " + a.receipt().number() + ")"));
        lines.add(Line.plain("Motif de la demande : " + a.category().label()
                + (a.disasterEvent() == null ? "" : " (sinistre " + a.disasterEvent() + ")")));
        lines.add(Line.blank());
        lines.add(Line.plain("Madame, Monsieur,"));
        lines.add(Line.blank());
        if (d.outcome().equals("GRANTED")) {
            lines.add(Line.plain("Par décision du directeur de section du " + DATE.format(d.decisionDate())
                    + (d.onAppeal() ? ", prise sur votre recours," : ",") + " une allocation exceptionnelle (aide ponctuelle "
                    + "en espèces, règlement municipal des prestations d'aide sociale facultative, titre V, chapitre 2.1) vous est "
                    + "accordée."));
            lines.add(Line.blank());
            lines.add(Line.bold("Nature de l'aide : allocation exceptionnelle, versée en une fois"));
            lines.add(Line.bold("Montant accordé : " + euros(d.amount())));
            lines.add(Line.plain("Date de la décision : " + DATE.format(d.decisionDate())));
            lines.add(Line.plain("Participation demandée : aucune. Durée : aide ponctuelle, sans renouvellement régulier."));
            lines.add(Line.plain("Versement : " + (a.payee().kind().equals("CREDITOR")
                    ? "directement à " + a.payee().accountHolder() + ", en règlement de votre dette"
                    : "sur votre compte") + " (IBAN " + a.payee().iban() + ")."));
            if (a.requestedAmount().compareTo(d.amount()) > 0) {
                lines.add(Line.plain("Le montant accordé est inférieur au montant demandé (" + euros(a.requestedAmount()) + ")"
                        + (d.reasonText() == null ? "." : " : " + d.reasonText())));
            }
        } else {
            lines.add(Line.plain("Par décision du directeur de section du " + DATE.format(d.decisionDate())
                    + (d.onAppeal() ? ", prise sur votre recours," : ",") + " votre demande d'allocation exceptionnelle de "
                    + euros(a.requestedAmount()) + " est rejetée pour le motif suivant :"));
            lines.add(Line.blank());
            lines.add(Line.bold(d.reasonCode().letterText()));
            if (d.reasonText() != null) {
                lines.add(Line.plain(d.reasonText()));
            }
        }
        lines.add(Line.blank());
        lines.add(Line.bold("Voies de recours"));
        lines.add(Line.plain("Si vous contestez cette décision, vous pouvez, dans un délai de deux mois à compter de sa "
                + "notification, former un recours administratif auprès du directeur de la section du "
                + arrondissement(a.section()) + " arrondissement du Centre d'action sociale de la Ville de Paris, auteur de la "
                + "décision, et/ou un recours contentieux devant le Tribunal administratif de Paris, 7 rue de Jouy, "
                + "75181 Paris Cedex 04 (également par l'application Télérecours citoyens, www.telerecours.fr). Le recours "
                + "administratif prolonge le délai du recours contentieux, qui court à nouveau à compter de la réponse."));
        lines.add(Line.blank());
        lines.add(Line.plain("Les informations vous concernant sont couvertes par le secret professionnel (article L133-5 du "
                + "code de l'action sociale et des familles) ; vous pouvez y accéder auprès de votre section."));
        lines.add(Line.blank());
        lines.add(Line.plain("Le directeur de section"));
        return lines;
    }

    private static byte[] pdf(List<Line> lines) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            float size = 10.5f;
            float leading = 14;
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDPageContentStream content = new PDPageContentStream(document, page);
            float y = PDRectangle.A4.getHeight() - MARGIN;
            for (Line line : lines) {
                PDType1Font font = line.bold() ? bold : regular;
                for (String wrapped : wrap(printable(line.text()), font, size)) {
                    if (y < MARGIN) {
                        content.close();
                        page = new PDPage(PDRectangle.A4);
                        document.addPage(page);
                        content = new PDPageContentStream(document, page);
                        y = PDRectangle.A4.getHeight() - MARGIN;
                    }
                    if (!wrapped.isEmpty()) {
                        content.beginText();
                        content.setFont(font, size);
                        content.newLineAtOffset(MARGIN, y);
                        content.showText(wrapped);
                        content.endText();
                    }
                    y -= leading;
                }
            }
            content.close();
            document.getDocumentInformation().setTitle("Notification de décision — allocation exceptionnelle");
            document.getDocumentInformation().setAuthor("Centre d'action sociale de la Ville de Paris");
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(String text, PDType1Font font, float size) throws IOException {
        List<String> wrapped = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > WIDTH && !line.isEmpty()) {
                wrapped.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        wrapped.add(line.toString());
        return wrapped;
    }

    /**
     * The standard fonts write WinAnsi (Latin-1 and €): a character outside it (a name in another script) is written
     * without its accent when it has one, else as "?", rather than failing the letter.
     */
    static String printable(String text) {
        StringBuilder s = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                s.append(' ');
            } else if (encodable(c)) {
                s.appendCodePoint(c);
            } else {
                String stripped = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                s.append(!stripped.isEmpty() && encodable(stripped.codePointAt(0)) ? stripped.substring(0, 1) : "?");
            }
        });
        return s.toString();
    }

    private static boolean encodable(int codePoint) {
        return WinAnsiEncoding.INSTANCE.contains(GlyphList.getAdobeGlyphList().codePointToName(codePoint));
    }

    private static String euros(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.FRANCE);
        return format.format(amount).replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    private static String arrondissement(String section) {
        return section.equals("1") ? "1er" : section + "e";
    }

    private record Line(String text, boolean bold) {
        static Line plain(String text) {
            return new Line(text, false);
        }

        static Line bold(String text) {
            return new Line(text, true);
        }

        static Line blank() {
            return new Line("", false);
        }
    }
}
