package fr.paris.casvp.guichet.systemtests;

/** The application of each benefit the drills file, as the counter sends it. */
final class BenefitRequests {

    static final String IBAN = "FR7630006000011234567890189";

    private BenefitRequests() {
    }

    /** Where a benefit's applications are filed: aid, solidarity or transport. */
    static String path(String benefit) {
        return switch (benefit) {
            case "aid" -> "/api/aid/applications";
            case "solidarity" -> "/api/solidarity/applications";
            default -> "/api/transport/passes";
        };
    }

    /**
     * An application of the benefit for a person (a registered beneficiary's id); {@code card}: the Navigo card's number.
     * The drills file the same aid for the same people many times on purpose: they confirm it is no repeat by mistake.
     */
    static String body(String benefit, String person, String card) {
        return switch (benefit) {
            case "aid" -> "{\"beneficiaryId\":\"" + person + "\",\"repeatConfirmed\":true,"
                    + "\"category\":\"FOOD\",\"requestedAmount\":50,\"reason\":\"Exercice\","
                    + "\"payee\":{\"kind\":\"BENEFICIARY\",\"iban\":\"" + IBAN + "\"}}";
            case "solidarity" -> "{\"beneficiaryId\":\"" + person + "\",\"payee\":{\"iban\":\"" + IBAN + "\"}}";
            default -> "{\"beneficiaryId\":\"" + person + "\",\"navigoCardNumber\":\"" + card + "\",\"zones\":\"1-2\"}";
        };
    }
}
