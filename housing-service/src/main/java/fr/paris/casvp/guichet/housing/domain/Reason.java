package fr.paris.casvp.guichet.housing.domain;

/** Why Paris Logement is not granted, as an agent and a letter say it (French), with the rule. */
public enum Reason {
    HOUSEHOLD_NOT_COVERED("le foyer ne relève d'aucune des aides au logement du règlement (une famille sans enfant à charge)",
            "RM IV 2.1 à 2.3 a/1"),
    NOT_A_TENANT("Paris Logement est réservé aux locataires", "RM II 2.1, III 2.1, IV 2.3 a/1"),
    NOT_LEASEHOLDER("le demandeur n'est pas le titulaire du bail", "RM II 2.1, III 2.1, IV 2.3 b/1"),
    RESOURCES_ABOVE_CEILING("les ressources mensuelles du foyer dépassent le plafond", "RM b/2 et annexe"),
    EFFORT_BELOW_MINIMUM("le taux d'effort est inférieur à 30 %", "RM II 2.1, III 2.1, IV 2.3 b/3"),
    HOUSING_AID_NOT_CLAIMED("les droits aux aides au logement n'ont pas été demandés et le logement ne remplit pas les conditions"
            + " de peuplement et de salubrité", "RM b/4 ou b/5"),
    UNPAID_CHARGES("des charges de logement sont impayées", "RM b/5 ou b/6"),
    NOT_CUMULABLE("le foyer reçoit déjà une autre aide au logement du règlement, qui ne se cumule pas avec celle-ci",
            "RM II 2.1 c/4, IV 2.1 d/2, IV 2.2 d/3, IV 2.3 c/4"),
    NO_NET_HOUSING_CHARGE("les aides au logement couvrent déjà toute la charge de logement", "RM b/4 ou b/2"),
    CHARGES_NOT_IDENTIFIED("le demandeur est hébergé dans un établissement (hôpital, établissement pour personnes âgées ou"
            + " handicapées) dont les charges de logement ne peuvent être identifiées", "RM II 2.1 d/2, III 2.1 d/2"),
    ACCOMMODATION_PAID_BY_SOCIAL_AID("l'hébergement du demandeur est pris en charge par l'aide sociale (ou la Sécurité sociale)",
            "RM II 2.1 d/3 et d/4, III 2.1 d/3 et d/4");

    private final String french;
    private final String article;

    Reason(String french, String article) {
        this.french = french;
        this.article = article;
    }

    public String french() {
        return french;
    }

    public String article() {
        return article;
    }
}
