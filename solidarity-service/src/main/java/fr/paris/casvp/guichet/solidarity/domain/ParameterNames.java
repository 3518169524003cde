package fr.paris.casvp.guichet.solidarity.domain;


/** The names of Paris Solidarité's dated parameters (table {@code dated_figure}, platform/figures). */
public final class ParameterNames {

    public static final String CEILING_ELDERLY_SINGLE = "ceiling.elderly.single";
    public static final String CEILING_ELDERLY_COUPLE = "ceiling.elderly.couple";
    public static final String CEILING_DISABLED_SINGLE = "ceiling.disabled.single";
    public static final String CEILING_DISABLED_COUPLE = "ceiling.disabled.couple";
    public static final String ASPA_ANNUAL_SINGLE = "aspa.annual.single";
    public static final String ASPA_ANNUAL_COUPLE = "aspa.annual.couple";
    public static final String AAH_MONTHLY = "aah.monthly";
    public static final String PAYMENT_THRESHOLD = "payment.threshold";
    public static final String AGE_ELDERLY = "age.elderly";
    public static final String AGE_UNFIT_FOR_WORK = "age.unfit-for-work";
    public static final String RESIDENCE_MINIMUM_YEARS = "residence.minimum-years";
    public static final String RECEPTION_MONTHS = "reception.months";

    private ParameterNames() {
    }
}
