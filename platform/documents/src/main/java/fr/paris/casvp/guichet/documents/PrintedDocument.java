package fr.paris.casvp.guichet.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * What Guichet prints — letters, receipts, the paper kit — as tagged PDF (a screen reader reads the headings and
 * paragraphs in order; lines, boxes and page numbers are marked as artifacts), in French ({@code /Lang fr-FR}), with
 * Liberation Sans embedded (subset): every letter of a French or foreign name in the Latin script prints as typed,
 * "Émilie Ørsted-Nguyễn" included. A character the font lacks is printed without its accent, or as "?", never lost
 * silently nor failing the document.
 *
 * <p>Text flows down the page and onto the next; blocks can also be placed at a position (the recipient's address in
 * an envelope's window, {@link Letter}). Positions and sizes are in millimetres from the page's top-left corner.
 */
public final class PrintedDocument {

    /** Points per millimetre. */
    public static final float MM = 72 / 25.4f;

    /** The kinds of text, each with its size, weight and structure tag. */
    public enum Style {
        TITLE(15, true, StandardStructureTypes.H1, 3),
        HEADING(11.5f, true, StandardStructureTypes.H2, 1.5f),
        TEXT(10, false, StandardStructureTypes.P, 1.5f),
        STRONG(10, true, StandardStructureTypes.P, 1),
        SMALL(8.5f, false, StandardStructureTypes.P, 1),
        NUMBER(22, true, StandardStructureTypes.P, 2);

        final float size;
        final boolean bold;
        final String tag;
        final float afterMm;

        Style(float size, boolean bold, String tag, float afterMm) {
            this.size = size;
            this.bold = bold;
            this.tag = tag;
            this.afterMm = afterMm;
        }

        float leading() {
            return size * 1.38f;
        }
    }

    private static final float ROLL_HEIGHT_MM = 1000;

    private final PDDocument document = new PDDocument();
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final String title;
    private final String footer;
    private final float pageWidth;
    private final float pageHeight;
    private final float margin;
    private final boolean roll;
    private final PDStructureElement root;
    private final List<PDPage> pages = new ArrayList<>();
    private final List<List<COSObjectable>> marked = new ArrayList<>();
    private PDPageContentStream content;
    private float y;

    private PrintedDocument(String title, String footer, float pageWidth, float pageHeight, float margin, boolean roll) {
        this.title = title;
        this.footer = footer;
        this.pageWidth = pageWidth;
        this.pageHeight = pageHeight;
        this.margin = margin;
        this.roll = roll;
        this.regular = font("liberation/LiberationSans-Regular.ttf");
        this.bold = font("liberation/LiberationSans-Bold.ttf");
        PDStructureTreeRoot tree = new PDStructureTreeRoot();
        document.getDocumentCatalog().setStructureTreeRoot(tree);
        root = new PDStructureElement(StandardStructureTypes.DOCUMENT, tree);
        root.setLanguage("fr-FR");
        tree.appendKid(root);
        newPage();
    }

    /** An A4 document, 20 mm margins; {@code footer} is printed at the bottom of each page with its number. */
    public static PrintedDocument a4(String title, String footer) {
        return new PrintedDocument(title, footer, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight(), 20 * MM, false);
    }

    /** One page as long as its text, for a receipt printer's roll of this width. */
    public static PrintedDocument roll(String title, float widthMm) {
        return new PrintedDocument(title, null, widthMm * MM, ROLL_HEIGHT_MM * MM, 4 * MM, true);
    }

    /**
     * A paragraph (or heading) that flows down the page, onto the next page when it must, with the style's space after
     * it.
     */
    public PrintedDocument text(Style style, String text) {
        return text(style, text, 0);
    }

    /** The same, indented by {@code indentMm}. */
    public PrintedDocument text(Style style, String text, float indentMm) {
        List<String> lines = wrap(printable(text), style, pageWidth - 2 * margin - indentMm * MM);
        int done = 0;
        while (done < lines.size()) {
            int fit = Math.max(1, (int) ((y - bottom()) / style.leading()));
            if (y - style.leading() < bottom()) {
                newPage();
                continue;
            }
            List<String> here = lines.subList(done, Math.min(lines.size(), done + fit));
            float x = margin + indentMm * MM;
            tagged(style.tag, () -> {
                for (String line : here) {
                    y -= style.leading();
                    show(line, style, x, y);
                }
            });
            done += here.size();
        }
        y -= style.afterMm * MM;
        return this;
    }

    /** Vertical space. */
    public PrintedDocument space(float mm) {
        y -= mm * MM;
        return this;
    }

    /** Moves the flow down to {@code topMm} from the top of the page, if it is above it. */
    public PrintedDocument flowFrom(float topMm) {
        y = Math.min(y, pageHeight - topMm * MM);
        return this;
    }

    /** Lines placed at a position of the current page (an address block), without moving the flow. */
    public PrintedDocument placed(Style style, float xMm, float topMm, float widthMm, List<String> lines) {
        List<String> wrapped = new ArrayList<>();
        for (String line : lines) {
            wrapped.addAll(wrap(printable(line), style, widthMm * MM));
        }
        tagged(style.tag, () -> {
            float at = pageHeight - topMm * MM;
            for (String line : wrapped) {
                at -= style.leading();
                show(line, style, xMm * MM, at);
            }
        });
        return this;
    }

    /** A text right-aligned on the flow (a place and date, a signature). */
    public PrintedDocument right(Style style, String text) {
        String line = printable(text);
        if (y - style.leading() < bottom()) {
            newPage();
        }
        y -= style.leading();
        float x = pageWidth - margin - width(line, style);
        tagged(style.tag, () -> show(line, style, x, y));
        return this;
    }

    /** A labelled place to write by hand: the label, then {@code lines} ruled lines across the page. */
    public PrintedDocument writeIn(String label, int lines) {
        float needed = Style.TEXT.leading() + lines * 8 * MM;
        if (y - needed < bottom()) {
            newPage();
        }
        text(Style.TEXT, label);
        for (int i = 0; i < lines; i++) {
            y -= 8 * MM;
            float at = y;
            artifact(() -> {
                content.setLineWidth(0.4f);
                content.setStrokingColor(0.45f);
                content.moveTo(margin, at);
                content.lineTo(pageWidth - margin, at);
                content.stroke();
            });
        }
        y -= 2 * MM;
        return this;
    }

    /** Boxes to tick, one line each. */
    public PrintedDocument checkboxes(List<String> labels) {
        for (String label : labels) {
            if (y - Style.TEXT.leading() * 1.3f < bottom()) {
                newPage();
            }
            y -= Style.TEXT.leading() * 1.3f;
            float at = y;
            artifact(() -> {
                content.setLineWidth(0.6f);
                content.setStrokingColor(0f);
                content.addRect(margin, at - 1, 3.5f * MM, 3.5f * MM);
                content.stroke();
            });
            String line = printable(label);
            tagged(Style.TEXT.tag, () -> show(line, Style.TEXT, margin + 6 * MM, at));
        }
        y -= Style.TEXT.afterMm * MM;
        return this;
    }

    /** A dashed line across the page, with a text in its middle (where to cut, where to fold). */
    public PrintedDocument cutLine(String text) {
        if (y - 10 * MM < bottom()) {
            newPage();
        }
        y -= 6 * MM;
        float at = y;
        String label = printable(text);
        float labelWidth = width(label, Style.SMALL);
        float middle = pageWidth / 2;
        artifact(() -> {
            content.setLineWidth(0.5f);
            content.setStrokingColor(0.3f);
            content.setLineDashPattern(new float[] {3, 3}, 0);
            content.moveTo(margin, at);
            content.lineTo(middle - labelWidth / 2 - 2 * MM, at);
            content.moveTo(middle + labelWidth / 2 + 2 * MM, at);
            content.lineTo(pageWidth - margin, at);
            content.stroke();
            content.setLineDashPattern(new float[] {}, 0);
        });
        tagged(Style.SMALL.tag, () -> show(label, Style.SMALL, middle - labelWidth / 2, at - Style.SMALL.size / 3));
        y -= 4 * MM;
        return this;
    }

    /** A mark of the fold of a sheet folded in three for a DL envelope, in the left margin, {@code topMm} from the top. */
    public PrintedDocument foldMark(float topMm) {
        float at = pageHeight - topMm * MM;
        artifact(() -> {
            content.setLineWidth(0.4f);
            content.setStrokingColor(0.5f);
            content.moveTo(4 * MM, at);
            content.lineTo(9 * MM, at);
            content.stroke();
        });
        return this;
    }

    /** Goes on at the top of a new page. */
    public PrintedDocument newPage() {
        try {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(new PDRectangle(pageWidth, pageHeight));
            document.addPage(page);
            pages.add(page);
            marked.add(new ArrayList<>());
            content = new PDPageContentStream(document, page);
            y = pageHeight - (roll ? margin : 18 * MM);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF: page numbers and footers added, structure and metadata completed. */
    public byte[] toPdf() {
        try (document; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.close();
            if (roll) {
                PDRectangle used = new PDRectangle(0, y - margin, pageWidth, pageHeight - (y - margin));
                pages.get(0).setMediaBox(used);
                pages.get(0).setCropBox(used);
            } else {
                paginate();
            }
            finishStructure();
            document.getDocumentInformation().setTitle(title);
            document.getDocumentInformation().setAuthor("Centre d'action sociale de la Ville de Paris");
            document.getDocumentInformation().setCreator("Guichet");
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text as the embedded font can print it: each character the font lacks is replaced by its letter without the
     * accent when the font has that, else by "?"; spaces that must not break a line stay unbreakable.
     */
    public String printable(String text) {
        StringBuilder s = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == '\u00a0' || c == '\u202f') {
                s.append('\u00a0');
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                s.append(' ');
            } else if (hasGlyph(c)) {
                s.appendCodePoint(c);
            } else {
                String stripped = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                s.append(!stripped.isEmpty() && hasGlyph(stripped.codePointAt(0)) ? stripped.substring(0, 1) : "?");
            }
        });
        return s.toString();
    }

    private boolean hasGlyph(int codePoint) {
        String character = new String(Character.toChars(codePoint));
        try {
            regular.encode(character);
            bold.encode(character);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private float bottom() {
        return roll ? margin : 22 * MM;
    }

    private void paginate() throws IOException {
        for (int i = 0; i < pages.size(); i++) {
            try (PDPageContentStream footing = new PDPageContentStream(document, pages.get(i), PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                content = footing;
                String number = "Page " + (i + 1) + " sur " + pages.size();
                float at = 12 * MM;
                COSDictionary pagination = new COSDictionary();
                pagination.setName(COSName.TYPE, "Pagination");
                footing.beginMarkedContent(COSName.ARTIFACT, PDPropertyList.create(pagination));
                if (footer != null) {
                    show(printable(footer), Style.SMALL, margin, at);
                }
                show(number, Style.SMALL, pageWidth - margin - width(number, Style.SMALL), at);
                footing.endMarkedContent();
            }
        }
    }

    private void finishStructure() {
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setLanguage("fr-FR");
        PDMarkInfo markInfo = new PDMarkInfo();
        markInfo.setMarked(true);
        catalog.setMarkInfo(markInfo);
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);
        Map<Integer, COSObjectable> parents = new HashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            pages.get(i).setStructParents(i);
            COSArray elements = new COSArray();
            marked.get(i).forEach(element -> elements.add(element.getCOSObject()));
            parents.put(i, new PDParentTreeValue(elements));
        }
        PDNumberTreeNode tree = new PDNumberTreeNode(PDParentTreeValue.class);
        tree.setNumbers(parents);
        PDStructureTreeRoot structure = catalog.getStructureTreeRoot();
        structure.setParentTree(tree);
        structure.setParentTreeNextKey(pages.size());
    }

    private interface Drawing {
        void draw() throws IOException;
    }

    /** Content a reader reads: one structure element with one marked-content sequence of this page. */
    private void tagged(String tag, Drawing drawing) {
        int page = pages.size() - 1;
        List<COSObjectable> onPage = marked.get(page);
        PDStructureElement element = new PDStructureElement(tag, root);
        element.setPage(pages.get(page));
        root.appendKid(element);
        COSDictionary properties = new COSDictionary();
        properties.setInt(COSName.MCID, onPage.size());
        try {
            content.beginMarkedContent(COSName.getPDFName(tag), PDPropertyList.create(properties));
            drawing.draw();
            content.endMarkedContent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        element.appendKid(PDMarkedContent.create(COSName.getPDFName(tag), properties));
        onPage.add(element);
    }

    /** Content a reader skips (rules, boxes). */
    private void artifact(Drawing drawing) {
        try {
            content.beginMarkedContent(COSName.ARTIFACT);
            drawing.draw();
            content.endMarkedContent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void show(String line, Style style, float x, float at) throws IOException {
        if (line.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(style.bold ? bold : regular, style.size);
        content.newLineAtOffset(x, at);
        content.showText(line);
        content.endText();
    }

    private float width(String text, Style style) {
        try {
            return (style.bold ? bold : regular).getStringWidth(text) / 1000 * style.size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> wrap(String text, Style style, float available) {
        List<String> wrapped = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, style) > available && !line.isEmpty()) {
                wrapped.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        wrapped.add(line.toString());
        return wrapped;
    }

    private PDType0Font font(String resource) {
        try (InputStream in = PrintedDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path (openpdf-fonts-extra)");
            }
            return PDType0Font.load(document, in, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
