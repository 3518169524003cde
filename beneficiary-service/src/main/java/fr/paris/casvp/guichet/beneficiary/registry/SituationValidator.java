package fr.paris.casvp.guichet.beneficiary.registry;

import fr.paris.casvp.guichet.beneficiary.domain.NameKey;
import fr.paris.casvp.guichet.beneficiary.domain.Nir;
import fr.paris.casvp.guichet.beneficiary.domain.Postcodes;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.Address;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.Identity;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.ResidencePeriod;
import fr.paris.casvp.guichet.web.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Everything wrong with a situation, every field at once, in words a counter agent can act on. */
final class SituationValidator {

    private static final LocalDate OLDEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .]{10,20}");
    private static final Pattern SECTION = Pattern.compile("[1-9]|1[0-9]|20");
    private static final int MAX_NAME = 100;
    private static final int MAX_ADDRESS_LINE = 200;
    private static final int MAX_EMAIL = 254;

    private final LocalDate today;
    private final List<FieldError> errors = new ArrayList<>();

    private SituationValidator(LocalDate today) {
        this.today = today;
    }

    static List<FieldError> validate(BeneficiarySituation situation, LocalDate today) {
        SituationValidator validator = new SituationValidator(today);
        if (situation == null) {
            validator.error("situation", "required");
        } else {
            validator.check(situation);
        }
        return validator.errors;
    }

    private void check(BeneficiarySituation s) {
        identity(s.identity());
        if (s.noFixedAddress() == null) {
            address(s.address());
        } else if (blank(s.noFixedAddress().psa())) {
            error("noFixedAddress.psa", "required: the PSA the person is attached to");
        }
        boolean livesInParis = s.address() != null && Postcodes.arrondissement(s.address().postcode()).isPresent();
        residence(s.parisResidence(), livesInParis);
        for (int i = 0; i < s.disabilityEvidence().size(); i++) {
            var evidence = s.disabilityEvidence().get(i);
            required(evidence.type(), "disabilityEvidence[" + i + "].type");
            pastOrToday(evidence.since(), "disabilityEvidence[" + i + "].since", true);
        }
        pastOrToday(s.unfitForWorkSince(), "unfitForWorkSince", false);
        pastOrToday(s.deceasedOn(), "deceasedOn", false);
        pastOrToday(s.awayFromHomeSince(), "awayFromHomeSince", false);
        for (int i = 0; i < s.nationalBenefits().size(); i++) {
            var benefit = s.nationalBenefits().get(i);
            required(benefit.type(), "nationalBenefits[" + i + "].type");
            pastOrToday(benefit.since(), "nationalBenefits[" + i + "].since", true);
        }
        for (int i = 0; i < s.monthlyResources().size(); i++) {
            var resource = s.monthlyResources().get(i);
            required(resource.kind(), "monthlyResources[" + i + "].kind");
            money(resource.amount(), "monthlyResources[" + i + "].amount");
        }
        Set<Integer> taxYears = new HashSet<>();
        for (int i = 0; i < s.incomeTax().size(); i++) {
            var tax = s.incomeTax().get(i);
            if (tax.taxYear() < 1990 || tax.taxYear() > today.getYear()) {
                error("incomeTax[" + i + "].taxYear", "must be between 1990 and " + today.getYear());
            } else if (!taxYears.add(tax.taxYear())) {
                error("incomeTax[" + i + "].taxYear", "tax year " + tax.taxYear() + " is given twice");
            }
            money(tax.amount(), "incomeTax[" + i + "].amount");
        }
        if (s.section() == null || !SECTION.matcher(s.section()).matches()) {
            error("section", "must be the number of a section, 1 to 20");
        }
        if (s.contact() != null) {
            if (s.contact().email() != null && !isEmail(s.contact().email())) {
                error("contact.email", "is not an e-mail address");
            }
            if (s.contact().phone() != null && !PHONE.matcher(s.contact().phone()).matches()) {
                error("contact.phone", "is not a phone number");
            }
        }
    }

    private void identity(Identity identity) {
        if (identity == null) {
            error("identity", "required");
            return;
        }
        name(identity.lastName(), "identity.lastName");
        name(identity.firstNames(), "identity.firstNames");
        if (identity.birthName() != null && identity.birthName().length() > MAX_NAME) {
            error("identity.birthName", "at most " + MAX_NAME + " characters");
        }
        if (identity.birthDate() == null) {
            error("identity.birthDate", "required");
        } else if (!identity.birthDate().isBefore(today)) {
            error("identity.birthDate", "must be in the past");
        } else if (identity.birthDate().isBefore(OLDEST_BIRTH_DATE)) {
            error("identity.birthDate", "must be after 1900-01-01");
        }
        if (!"F".equals(identity.sex()) && !"M".equals(identity.sex())) {
            error("identity.sex", "must be F or M");
        }
        if (identity.nir() != null) {
            String nir = Nir.normalise(identity.nir());
            if (!Nir.hasValidFormat(nir)) {
                error("identity.nir", "must be 15 characters: 13 digits (2A or 2B for Corsica) and a 2-digit key");
            } else if (!Nir.hasValidKey(nir)) {
                error("identity.nir", "the control key does not match: check the number");
            }
        }
    }

    private void address(Address address) {
        if (address == null) {
            error("address", "required, unless the person has no fixed address (noFixedAddress)");
            return;
        }
        if (blank(address.line1())) {
            error("address.line1", "required");
        }
        tooLong(address.line1(), "address.line1", MAX_ADDRESS_LINE);
        tooLong(address.line2(), "address.line2", MAX_ADDRESS_LINE);
        if (blank(address.city())) {
            error("address.city", "required");
        }
        tooLong(address.city(), "address.city", MAX_NAME);
        if (blank(address.postcode())) {
            error("address.postcode", "required");
        } else if (!Postcodes.isKnown(address.postcode())) {
            error("address.postcode", "unknown postcode (in Paris: 75001 to 75020, or 75116)");
        } else if (!blank(address.city()) && NameKey.normalise(address.city()).equals("PARIS")
                && Postcodes.arrondissement(address.postcode()).isEmpty()) {
            // Issue #36: 92100 Paris was accepted; the benefits read Paris residence from the postcode.
            error("address.city", "is Paris, but the postcode is not a Paris one");
        }
    }

    private void tooLong(String value, String field, int max) {
        if (value != null && value.length() > max) {
            error(field, "at most " + max + " characters");
        }
    }

    /**
     * One {@code @}, something before it, a domain with a dot inside it, no blank and none of {@code <>()[]\\,;:"}, at
     * most 254 characters: checked in one pass (a regular expression with two overlapping classes took seconds on a long
     * address).
     */
    static boolean isEmail(String email) {
        int at = email.indexOf('@');
        if (email.length() > MAX_EMAIL || at <= 0 || at != email.lastIndexOf('@')) {
            return false;
        }
        int dot = email.lastIndexOf('.');
        if (dot <= at + 1 || dot == email.length() - 1) {
            return false;
        }
        // No display name ("Jeanne<jeanne@example.fr>"), no list, no quoted part: one mailbox, as the notices address it.
        return email.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || "<>()[]\\,;:\"".indexOf(c) >= 0);
    }

    /** Periods oldest first, not overlapping, only the last one open, which it must be when the address is in Paris. */
    private void residence(List<ResidencePeriod> periods, boolean livesInParis) {
        for (int i = 0; i < periods.size(); i++) {
            ResidencePeriod period = periods.get(i);
            String field = "parisResidence[" + i + "]";
            if (period.from() == null) {
                error(field + ".from", "required");
                continue;
            }
            if (period.from().isAfter(today)) {
                error(field + ".from", "must not be in the future");
            }
            if (period.to() != null && period.to().isBefore(period.from())) {
                error(field + ".to", "must not be before from");
            }
            if (period.to() == null && i < periods.size() - 1) {
                error(field + ".to", "only the last period may be open");
            }
            if (i > 0 && periods.get(i - 1).to() != null && !period.from().isAfter(periods.get(i - 1).to())) {
                error(field + ".from", "periods must follow one another without overlapping");
            }
        }
        boolean open = !periods.isEmpty() && periods.get(periods.size() - 1).to() == null;
        if (livesInParis && !open) {
            error("parisResidence", "the address is in Paris: give the date since when the person lives there (an open period)");
        }
    }

    private void name(String value, String field) {
        if (blank(value)) {
            error(field, "required");
        } else if (value.length() > MAX_NAME) {
            error(field, "at most " + MAX_NAME + " characters");
        } else if (value.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\t')) {
            // A name is printed in letters and e-mails: a line break would start a line of the sender's choosing.
            error(field, "must be on one line");
        } else if (value.chars().anyMatch(SituationValidator::invisible)) {
            // The same name with a zero-width space, or a blank-looking letter, made a second person (issue #33).
            error(field, "contains an invisible character");
        } else if (mixesAlphabets(value)) {
            // "Ptxhomo" with a Cyrillic o looks the same and made a second person (issue #33): the agent is told.
            error(field, "mixes the letters of several alphabets (a Cyrillic or Greek letter among Latin ones)");
        }
    }

    /** Whether one word of the name has letters of more than one script (Latin with Cyrillic or Greek look-alikes). */
    static boolean mixesAlphabets(String name) {
        for (String word : name.split("[^\\p{L}\\p{M}]+")) {
            long scripts = word.codePoints().filter(Character::isLetter).mapToObj(Character.UnicodeScript::of).distinct().count();
            if (scripts > 1) {
                return true;
            }
        }
        return false;
    }

    /** Characters that print as nothing, or as a blank, in a name: zero-width ones, fillers, the blank Braille cell. */
    private static boolean invisible(int c) {
        return c >= 0x200b && c <= 0x200d || c == 0x2060 || c == 0xfeff || c == 0x00ad || c == 0x034f || c == 0x115f
                || c == 0x1160 || c == 0x3164 || c == 0xffa0 || c == 0x2800 || c >= 0x2061 && c <= 0x2064 || c == 0x180e;
    }

    private void pastOrToday(LocalDate date, String field, boolean required) {
        if (date == null) {
            if (required) {
                error(field, "required");
            }
        } else if (date.isAfter(today)) {
            error(field, "must not be in the future");
        }
    }

    private void money(BigDecimal amount, String field) {
        if (amount == null) {
            error(field, "required");
        } else if (amount.signum() < 0) {
            error(field, "must be 0 or more");
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            // Before the scale: 1E+1001 has no decimals, and became a 500 where the database refused its 1 002 digits.
            error(field, "must be at most " + MAX_AMOUNT.toPlainString() + " €");
        } else if (amount.stripTrailingZeros().scale() > 2) {
            error(field, "at most 2 decimals (euros and cents)");
        }
    }

    /** Above any monthly resource or income tax a person of the CASVP has: a typing mistake, or a probe (issue #33). */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

    private void required(Object value, String field) {
        if (value == null) {
            error(field, "required");
        }
    }

    private void error(String field, String detail) {
        errors.add(FieldError.of(field, detail));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
