package fr.paris.casvp.guichet.notice.domain;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.section.Section;

/**
 * The French words of a notice. Says what happened, to which file and when, what comes next and whom to turn to; never
 * an amount, a reason, a resource or an address of the person: a message can be read over a shoulder, and the decision
 * letter says the rest.
 */
public final class NoticeText {

    /** An e-mail's subject and plain-text body. */
    public record Message(String subject, String body) {
    }

    private NoticeText() {
    }

    /** The e-mail: greeting, the news, what comes next, the section's details, how to stop these messages. */
    public static Message email(Notice notice, Recipient recipient, Section section, String followPage) {
        Benefit benefit = notice.benefit();
        String reference = benefit.referenceWord() + " n° " + notice.reference();
        String subject = benefit.title() + " — " + headline(notice.moment()) + " (" + reference + ")";
        String body = recipient.salutation() + ",\n\n"
                + news(notice, reference) + "\n\n"
                + next(notice.moment()) + "\n\n"
                + "Vous pouvez suivre votre demande à tout moment sur " + followPage + " avec le numéro de votre récépissé "
                + "et votre date de naissance.\n\n"
                + "Pour toute question : " + section.name() + ", " + section.address() + ".\n"
                + "Téléphone : " + section.phone() + ". Accueil " + section.openingHours() + ".\n\n"
                + "Centre d'action sociale de la Ville de Paris\n\n"
                + "--\n"
                + "Ce message vous est envoyé parce que vous avez donné cette adresse à votre section. Merci de ne pas y "
                + "répondre. Pour ne plus recevoir ces avis, dites-le à l'accueil de votre section ou par téléphone.\n";
        return new Message(subject, body);
    }

    /** The text message: 160 characters or about, no name. */
    public static String sms(Notice notice, Section section) {
        return "CASVP : " + notice.benefit().title() + " n° " + notice.reference() + " — " + headline(notice.moment())
                + " le " + ParisTime.dayInWords(notice.occurredAt()) + ". " + section.name() + " : " + section.phone() + ".";
    }

    static String headline(Moment moment) {
        return switch (moment) {
            case RECEIVED -> "demande reçue";
            case GRANTED -> "demande accordée";
            case REFUSED -> "demande refusée";
            case PAID -> "paiement effectué";
            case AMOUNT_CHANGED -> "montant mensuel modifié";
            case PASS_LOADED -> "forfait chargé sur votre passe";
            case PASS_NOT_LOADED -> "forfait non chargé";
        };
    }

    private static String news(Notice notice, String reference) {
        String on = "le " + ParisTime.dayInWords(notice.occurredAt());
        String request = notice.benefit().yourRequest() + " (" + reference + ")";
        return switch (notice.moment()) {
            case RECEIVED -> "Nous avons bien reçu " + request + " " + on + ".";
            case GRANTED -> "Nous avons le plaisir de vous informer que " + request + " a été accordée " + on + ".";
            case REFUSED -> "Nous avons le regret de vous informer que " + request + " n'a pas été accordée " + on + ".";
            case PAID -> "Le paiement de l'aide accordée (" + reference + ") a été effectué " + on
                    + ". Il apparaîtra sur votre compte, ou sur celui de l'organisme payé pour vous, dans les prochains jours.";
            case AMOUNT_CHANGED -> "Le montant mensuel de votre allocation Paris Solidarité (" + reference + ") a changé " + on
                    + " : un chiffre qui sert à le calculer (un plafond, le minimum vieillesse, l'AAH) ou votre situation a "
                    + "changé.";
            case PASS_LOADED -> "Votre forfait Navigo (" + reference + ") a été chargé sur votre passe " + on + ". "
                    + (notice.validFrom() != null && notice.validFrom().isAfter(ParisTime.dateOf(notice.occurredAt()))
                    ? "Il est valable à partir du " + ParisTime.inWords(notice.validFrom()) + " : utilisez-le dès ce jour-là."
                    : "Vous pouvez l'utiliser dès maintenant.");
            case PASS_NOT_LOADED -> "Votre forfait Navigo (" + reference + ") n'a pas pu être chargé sur votre passe "
                    + on + ".";
        };
    }

    private static String next(Moment moment) {
        return switch (moment) {
            case RECEIVED -> "Votre demande va être examinée. Vous recevrez un courrier de décision ; si une pièce manque, "
                    + "votre section vous l'écrira.";
            case GRANTED -> "Le courrier de décision vous est adressé : il précise ce qui a été accordé et comment vous "
                    + "le recevrez.";
            case REFUSED -> "Le courrier de décision vous est adressé : il en donne les motifs et vous indique comment la "
                    + "contester, dans un délai de deux mois.";
            case PAID -> "Vous n'avez rien à faire.";
            case AMOUNT_CHANGED -> "Vous n'avez rien à faire. Le nouveau montant est versé à partir du prochain paiement ; si "
                    + "des mois déjà payés sont concernés, la différence est versée, ou retenue, avec ce paiement. Votre "
                    + "section vous indique le montant sur demande.";
            case PASS_LOADED -> "Vous n'avez rien à faire. Le forfait est valable un an.";
            case PASS_NOT_LOADED -> "Le transporteur n'a pas reconnu le passe indiqué. Présentez votre passe Navigo à "
                    + "l'accueil de votre section pour corriger son numéro.";
        };
    }
}
