package fr.paris.casvp.guichet.documents;

import fr.paris.casvp.guichet.documents.PrintedDocument.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Prints a French text kept as Markdown (a procedure, a notice) with {@link PrintedDocument}: the little of Markdown
 * such a text uses — {@code #} title, {@code ##} headings, paragraphs, {@code -} and {@code 1.} lists, {@code **bold**}
 * (printed plain), and {@code ____} lines to fill by hand ("Numéro du support : ____").
 */
public final class Markdown {

    private static final Pattern NUMBERED = Pattern.compile("^(\\d+)\\. (.*)");
    private static final Pattern TO_FILL = Pattern.compile("_{4,}");

    private Markdown() {
    }

    public static void print(String markdown, PrintedDocument document) {
        List<String> paragraph = new ArrayList<>();
        for (String line : markdown.split("\\R")) {
            String trimmed = line.strip();
            boolean continuation = !trimmed.isEmpty() && !paragraph.isEmpty() && !startsBlock(trimmed);
            if (continuation) {
                paragraph.add(trimmed);
                continue;
            }
            flush(paragraph, document);
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith("## ")) {
                document.space(2).text(Style.HEADING, plain(trimmed.substring(3)));
            } else if (trimmed.startsWith("# ")) {
                document.text(Style.TITLE, plain(trimmed.substring(2)));
            } else if (TO_FILL.matcher(trimmed).find()) {
                document.writeIn(plain(TO_FILL.matcher(trimmed).replaceAll("").strip()), 1);
            } else {
                paragraph.add(trimmed);
            }
        }
        flush(paragraph, document);
    }

    private static void flush(List<String> lines, PrintedDocument document) {
        if (lines.isEmpty()) {
            return;
        }
        String text = plain(String.join(" ", lines));
        lines.clear();
        var numbered = NUMBERED.matcher(text);
        if (text.startsWith("- ")) {
            document.text(Style.TEXT, "•\u00a0" + text.substring(2), 4);
        } else if (numbered.matches()) {
            document.text(Style.TEXT, numbered.group(1) + ".\u00a0" + numbered.group(2), 4);
        } else {
            document.text(Style.TEXT, text);
        }
    }

    private static boolean startsBlock(String line) {
        return line.startsWith("- ") || line.startsWith("#") || NUMBERED.matcher(line).matches() || TO_FILL.matcher(line).find();
    }

    private static String plain(String text) {
        return text.replace("**", "").replace("`", "");
    }
}
