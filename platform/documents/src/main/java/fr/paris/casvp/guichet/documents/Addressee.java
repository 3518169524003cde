package fr.paris.casvp.guichet.documents;

import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import java.util.ArrayList;
import java.util.List;

/**
 * The person a letter is sent to, from their file: the civility the file gives (none when it gives no sex), the
 * address block for the envelope's window (the address, or the domiciliation of a person without a fixed address), and
 * the greeting.
 *
 * @param civility "Madame", "Monsieur", or empty
 * @param block    the lines of the window: name, then address
 */
public record Addressee(String civility, List<String> block) {

    public static Addressee of(BeneficiarySituation person) {
        String sex = person.identity().sex();
        String civility = "F".equals(sex) ? "Madame" : "M".equals(sex) ? "Monsieur" : "";
        List<String> block = new ArrayList<>();
        block.add((civility + " " + person.identity().firstNames() + " " + person.identity().lastName()).trim());
        if (person.address() != null) {
            if (person.address().line2() != null && !person.address().line2().isBlank()) {
                block.add(person.address().line2());
            }
            block.add(person.address().line1());
            block.add(person.address().postcode() + " " + person.address().city());
        } else if (person.noFixedAddress() != null) {
            block.add("Domiciliation : " + person.noFixedAddress().psa());
        }
        return new Addressee(civility, List.copyOf(block));
    }

    /** "Madame", "Monsieur", or "Madame, Monsieur" when the file gives no civility. */
    public String greeting() {
        return civility.isEmpty() ? "Madame, Monsieur" : civility;
    }
}
