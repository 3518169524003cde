package fr.paris.casvp.guichet.aid.domain;

/** What the aid is for (typical purposes in French CCAS practice); {@link #DISASTER} has its own cap per event. */
public enum Category {
    ENERGY("Énergie (impayés d'électricité ou de gaz)"),
    WATER("Eau"),
    RENT_ARREARS("Impayés de loyer"),
    FOOD("Alimentation"),
    HEALTH("Frais de santé"),
    EQUIPMENT("Équipement de première nécessité"),
    DISASTER("Sinistre"),
    OTHER("Autre difficulté financière temporaire");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    /** In French, for letters and reports. */
    public String label() {
        return label;
    }
}
