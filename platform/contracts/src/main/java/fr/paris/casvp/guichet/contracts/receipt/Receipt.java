package fr.paris.casvp.guichet.contracts.receipt;

import java.time.Instant;

/**
 * The récépissé as every benefit's API shows it in a file: the number the person keeps, when the section received the
 * request (which opens the rights), and where the file stands.
 */
public record Receipt(String number, Instant receivedAt, String status) {
}
