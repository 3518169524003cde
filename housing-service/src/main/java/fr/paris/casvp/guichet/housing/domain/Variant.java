package fr.paris.casvp.guichet.housing.domain;

/** The housing allowances of the rulebook that the housing service grants, one at most for a household. */
public enum Variant {
    ELDERLY("Paris Logement (personnes âgées)", "RM II 2.1"),
    DISABLED("Paris Logement (personnes handicapées)", "RM III 2.1"),
    FAMILIES("Paris Logement Familles", "RM IV 2.1"),
    SINGLE_PARENT("Paris Logement Familles Monoparentales", "RM IV 2.2"),
    COUPLE_WITH_CHILD("Paris Logement (couple avec un enfant)", "RM IV 2.3");

    private final String french;
    private final String article;

    Variant(String french, String article) {
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
