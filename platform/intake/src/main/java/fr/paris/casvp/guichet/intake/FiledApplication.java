package fr.paris.casvp.guichet.intake;

import fr.paris.casvp.guichet.contracts.receipt.Receipt;
import java.util.UUID;

/**
 * What a benefit's answer to a filing says about the file it created. The benefit's view implements it, so its answer
 * carries these members under these names; the intake reads them back from a stored answer ({@link Summary}) when a
 * queued command turns out to have been applied already under another receipt.
 */
public interface FiledApplication {

    UUID id();

    /** The file's number, e.g. {@code AE-2026-000042}. */
    String number();

    String section();

    Receipt receipt();

    /** The members of a stored answer the intake needs, whatever benefit answered it. */
    record Summary(UUID id, String number, String section, Receipt receipt) implements FiledApplication {
    }
}
