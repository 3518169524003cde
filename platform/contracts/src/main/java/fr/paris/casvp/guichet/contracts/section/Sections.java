package fr.paris.casvp.guichet.contracts.section;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The directory of the sections, read from {@code sections/sections.properties} (UTF-8): what a letter, a notice or the
 * public page says about the section that follows a file. A section missing from the directory is answered with its
 * arrondissement's name and the CASVP's head office ({@code default.*} entries), never with nothing.
 *
 * <p>The directory is data, not code: a deployment corrects an address or a signatory by changing the file.
 */
public final class Sections {

    private static final String RESOURCE = "sections/sections.properties";
    private static final Sections DIRECTORY = load();

    private final Properties entries;

    private Sections(Properties entries) {
        this.entries = entries;
    }

    /** The directory shipped with Guichet. */
    public static Sections directory() {
        return DIRECTORY;
    }

    /** The section of this code ("13"); the head office's details when the directory does not list it. */
    public Section of(String code) {
        String key = entries.containsKey(code + ".address") ? code : "default";
        return new Section(code, name(code), Arrays.asList(entries.getProperty(key + ".address").split("\\|")),
                entries.getProperty(key + ".phone"), entries.getProperty(key + ".hours"),
                entries.getProperty(key + ".signatory"), entries.getProperty(key + ".signatory-role"));
    }

    /** Every section the directory lists, by code. */
    public Map<String, Section> listed() {
        Map<String, Section> listed = new LinkedHashMap<>();
        entries.stringPropertyNames().stream().filter(key -> key.endsWith(".address") && !key.startsWith("default"))
                .map(key -> key.substring(0, key.indexOf('.'))).sorted().forEach(code -> listed.put(code, of(code)));
        return listed;
    }

    /** "Section du 1er arrondissement", "Section du 13e arrondissement". */
    public static String name(String code) {
        return "Section du " + ("1".equals(code) ? "1er" : code + "e") + " arrondissement";
    }

    private static Sections load() {
        try (InputStream in = Sections.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            Properties entries = new Properties();
            entries.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new Sections(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
