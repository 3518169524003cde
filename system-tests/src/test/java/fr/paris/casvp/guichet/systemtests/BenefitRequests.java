package fr.paris.casvp.guichet.systemtests;

import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The application of each declared benefit the drills file, as the counter sends it: its body is the benefit's
 * {@code drills/<code>.filing.json} (test resources), filed at the first of its declared filing paths.
 */
final class BenefitRequests {

    static final String IBAN = "FR7630006000011234567890189";

    private BenefitRequests() {
    }

    /** Where a declared benefit's applications are filed. */
    static String path(String benefit) {
        return Benefits.of(benefit).filing().get(0);
    }

    /**
     * An application of the benefit for a person (a registered beneficiary's id); {@code card}: a Navigo card's number,
     * for the benefits that ask for one. The drills file the same aid for the same people many times on purpose: they
     * confirm it is no repeat by mistake.
     */
    static String body(String benefit, String person, String card) {
        return template(benefit).replace("{beneficiaryId}", person).replace("{iban}", IBAN)
                .replace("{navigoCardNumber}", card == null ? "" : card).replace("\n", "");
    }

    /** The benefit's drill application, with its fields to fill in. */
    static String template(String benefit) {
        String resource = "/drills/" + Benefits.of(benefit).code() + ".filing.json";
        try (InputStream in = BenefitRequests.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " in system-tests' test resources: the drills cannot file " + benefit);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
