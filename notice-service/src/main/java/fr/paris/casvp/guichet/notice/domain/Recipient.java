package fr.paris.casvp.guichet.notice.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the notices need to know of a person, and nothing more: how to greet them and where to write. Kept from the
 * registry's snapshots; an erased person has no recipient.
 *
 * @param sex             "F" or "M", for "Madame" or "Monsieur"
 * @param lastName        the usage name
 * @param email           null when none was given
 * @param phone           as typed at the counter; a text message goes to a French mobile number only
 * @param acceptsSms      the person agreed to text messages
 * @param declinesNotices the person asked for no notice at all (opt-out)
 */
public record Recipient(String sex, String lastName, String email, String phone, boolean acceptsSms, boolean declinesNotices) {

    private static final Pattern FRENCH_MOBILE = Pattern.compile("(?:\\+33|0033|0)([67][0-9]{8})");

    /** "Madame Ørsted-Nguyễn" */
    public String salutation() {
        return ("F".equals(sex) ? "Madame " : "M".equals(sex) ? "Monsieur " : "") + lastName;
    }

    /** Where a notice of this channel goes; empty when the person has no such address or does not want it. */
    public Optional<String> address(Channel channel) {
        if (declinesNotices) {
            return Optional.empty();
        }
        return switch (channel) {
            case EMAIL -> Optional.ofNullable(email).filter(e -> !e.isBlank());
            case SMS -> acceptsSms ? mobile() : Optional.empty();
        };
    }

    /** The phone as an international mobile number (+33612345678), when it is a French mobile. */
    public Optional<String> mobile() {
        if (phone == null) {
            return Optional.empty();
        }
        var matcher = FRENCH_MOBILE.matcher(phone.replaceAll("[ .\\-]", ""));
        return matcher.matches() ? Optional.of("+33" + matcher.group(1)) : Optional.empty();
    }
}
