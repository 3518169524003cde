package fr.paris.casvp.guichet.aid.domain;

import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import java.time.LocalDate;

/**
 * The domicile condition of the exceptional aid (RM V.2.1 b/1): domiciled in Paris for at least a month (a dated
 * parameter) on the decision date. A person with no fixed address is attached to a PSA and has no such condition
 * (RM V.1.1).
 */
public final class Domicile {

    private Domicile() {
    }

    /** Refused with {@code domicile-too-recent} unless the beneficiary meets the condition on {@code date}. */
    public static void require(BeneficiarySnapshot beneficiary, LocalDate date, int months) {
        if (beneficiary.situation().noFixedAddress() != null) {
            return;
        }
        if (!domiciledFor(beneficiary.livesInParisSince(), date, months)) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, AidProblems.DOMICILE_TOO_RECENT, "Domicile too recent",
                    "The beneficiary must have been domiciled in Paris for at least " + months + " month(s) (RM V.2.1 b/1); "
                            + (beneficiary.livesInParisSince() == null ? "the registry records no current residence in Paris."
                            : "the registry records a residence since " + beneficiary.livesInParisSince() + "."));
        }
    }

    /** Domicile in Paris for at least {@code months} on {@code date}: the current period is long enough. */
    static boolean domiciledFor(LocalDate livesInParisSince, LocalDate date, int months) {
        return livesInParisSince != null && !livesInParisSince.plusMonths(months).isAfter(date);
    }
}
