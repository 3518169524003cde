package fr.paris.casvp.guichet.transport.domain;

import java.util.List;

/** The names of the Navigo right's dated parameters (table {@code transport_parameter}). */
public final class TariffNames {

    public static final String CEILING_FIRST_REQUEST = "ceiling.first-request";
    public static final String CEILING_RENEWAL = "ceiling.renewal";
    public static final String AGE_ELDERLY = "age.elderly";
    public static final String AGE_UNFIT_FOR_WORK = "age.unfit-for-work";
    public static final String VETERAN_AGE = "age.war-veteran";
    public static final String RESIDENCE_MINIMUM_YEARS = "residence.minimum-years";
    /** A renewal is one filed within this many months of the previous pass's expiry. */
    public static final String RENEWAL_WINDOW_MONTHS = "renewal.window-months";
    /** How many months back a reception time written on a request may go (RM I/B art. 3). */
    public static final String RECEPTION_MONTHS = "reception.months";

    public static final List<String> ALL = List.of(CEILING_FIRST_REQUEST, CEILING_RENEWAL, AGE_ELDERLY, AGE_UNFIT_FOR_WORK,
            VETERAN_AGE, RESIDENCE_MINIMUM_YEARS, RENEWAL_WINDOW_MONTHS, RECEPTION_MONTHS);

    private TariffNames() {
    }
}
