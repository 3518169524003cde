package fr.paris.casvp.guichet.aid.domain;

/** Stable codes of a refusal, with the wording of the decision letter (RM I/B art. 6: a refusal is reasoned). */
public enum RefusalReason {
    DOMICILE_TOO_RECENT("Vous n'êtes pas domicilié(e) à Paris depuis au moins un mois (RM V.2.1, article b/1)."),
    CAP_REACHED("Le montant maximum des allocations exceptionnelles sur douze mois est atteint pour votre foyer "
            + "(RM V.2.1, article b/2)."),
    NOT_TEMPORARY_DIFFICULTY("Votre situation ne relève pas d'une difficulté financière temporaire ; l'allocation "
            + "exceptionnelle ne peut être attribuée de façon régulière (RM V.2.1, article a/1)."),
    STATUTORY_BENEFITS_NOT_CLAIMED("Vous n'avez pas fait valoir vos droits aux prestations légales auxquelles vous "
            + "pouvez prétendre (RM I/A, article 4)."),
    RESOURCES_SUFFICIENT("Vos ressources permettent de faire face à la dépense."),
    OTHER("Autre motif, précisé ci-dessous.");

    private final String letterText;

    RefusalReason(String letterText) {
        this.letterText = letterText;
    }

    public String letterText() {
        return letterText;
    }
}
