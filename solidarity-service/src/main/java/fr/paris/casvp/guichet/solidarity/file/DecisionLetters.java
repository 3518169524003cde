package fr.paris.casvp.guichet.solidarity.file;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.payment.Iban;
import fr.paris.casvp.guichet.contracts.section.Sections;
import fr.paris.casvp.guichet.documents.Addressee;
import fr.paris.casvp.guichet.documents.Letter;
import fr.paris.casvp.guichet.documents.PrintedDocument;
import fr.paris.casvp.guichet.documents.PrintedDocument.Style;
import fr.paris.casvp.guichet.solidarity.domain.Allowance;
import fr.paris.casvp.guichet.solidarity.domain.Application;
import fr.paris.casvp.guichet.solidarity.domain.Grant;
import fr.paris.casvp.guichet.web.Agent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The decision letter of a Paris Solidarité application, in French, as PDF (RM I/B art. 6, I/C art. 3-4): granted, the
 * monthly amount, the months it is paid, how it was computed (the ceiling, the resources declared and those counted,
 * at least the national floor), what to tell the section and when to renew; refused, the reasons. Then how to contest
 * it. Laid out for a window envelope ({@link Letter}).
 */
@Component
class DecisionLetters {

    record Notice(String fileName, byte[] pdf) {
    }

    /** Each refusal reason as the person reads it. */
    static final Map<String, String> REASONS = Map.of(
            Allowance.NOT_ELDERLY_OR_DISABLED, "vous n'avez pas 65 ans (60 ans si vous êtes reconnu inapte au travail) et "
                    + "aucun handicap n'est reconnu au sens du règlement municipal (titre II, chapitre 1.1) ;",
            Allowance.RESIDENCE_TOO_SHORT, "vous ne justifiez pas de trois années de résidence à Paris au cours des cinq "
                    + "dernières années ;",
            Allowance.RESOURCES_ABOVE_CEILING, "les ressources de votre foyer dépassent le plafond de Paris Solidarité ;",
            Allowance.BELOW_PAYMENT_THRESHOLD, "le montant calculé ne dépasse pas le seuil de versement : aucune somme ne "
                    + "pourrait vous être versée ;",
            "STATUTORY_BENEFITS_NOT_CLAIMED", "vous n'avez pas demandé les prestations légales auxquelles vous pouvez "
                    + "prétendre (allocation de solidarité aux personnes âgées, allocation aux adultes handicapés…), qui sont "
                    + "attribuées avant Paris Solidarité ;",
            "OTHER", "autre motif, précisé ci-dessous ;");

    private final ApplicationService applications;

    DecisionLetters(ApplicationService applications) {
        this.applications = applications;
    }

    Notice letter(UUID id, Agent agent) {
        ApplicationService.Notification n = applications.notification(id, agent);
        return new Notice("notification-" + n.application().number() + ".pdf", pdf(n));
    }

    static byte[] pdf(ApplicationService.Notification n) {
        Application a = n.application();
        Addressee to = Addressee.of(n.person().situation());
        LocalDate decided = ParisTime.dateOf(a.decidedAt());
        Letter letter = new Letter("Notification de décision — Paris Solidarité", Sections.directory().of(a.section()),
                to.block(), decided);
        PrintedDocument body = letter.body()
                .text(Style.HEADING, "Objet : notification de décision — allocation Paris Solidarité")
                .text(Style.TEXT, (a.renewal() ? "Demande de renouvellement" : "Demande") + " n° " + a.number() + ", reçue le "
                        + ParisTime.dayInWords(a.receivedAt()) + " (récépissé " + a.receiptNumber() + ").")
                .space(2)
                .text(Style.TEXT, to.greeting() + ",");
        if (a.status() == Application.Status.GRANTED && n.grant().isPresent()) {
            granted(body, n.grant().get(), n.figures().orElse(null), decided);
        } else {
            body.text(Style.TEXT, "Par décision de la direction de la section du " + ParisTime.inWords(decided)
                    + ", votre demande d'allocation Paris Solidarité est rejetée pour "
                    + (a.refusalReasons().size() > 1 ? "les motifs suivants :" : "le motif suivant :"));
            for (String reason : a.refusalReasons()) {
                body.text(Style.STRONG, "• " + REASONS.getOrDefault(reason, "une condition du règlement n'est pas remplie ;"), 4);
            }
            if (a.refusalText() != null && !a.refusalText().isBlank()) {
                body.text(Style.TEXT, a.refusalText());
            }
            body.text(Style.TEXT, "Si votre situation change (vos ressources baissent, vous atteignez 65 ans, un handicap est "
                    + "reconnu), vous pouvez déposer une nouvelle demande à l'accueil de votre section.");
        }
        return letter.appealRoutes().closing(to).signed();
    }

    /** "de décembre 2026", "d'avril 2027". */
    private static String from(LocalDate month) {
        String words = Letter.month(month);
        return ("aeiouyâéèêîôû".indexOf(words.charAt(0)) >= 0 ? "d'" : "de ") + words;
    }

    private static void granted(PrintedDocument body, Grant g, FileStore.DecisionFigures f, LocalDate decided) {
        long months = ChronoUnit.MONTHS.between(g.firstMonth(), g.lastMonth()) + 1;
        BigDecimal amount = f == null ? g.monthlyAmount() : f.amount();
        body.text(Style.TEXT, "Par décision de la direction de la section du " + ParisTime.inWords(decided)
                        + ", l'allocation Paris Solidarité vous est accordée" + (f == null || f.category() == null ? ""
                        : f.category().equals("DISABLED") ? " au titre des personnes handicapées" : " au titre des personnes âgées")
                        + ". C'est une allocation mensuelle de la Ville de Paris qui complète les ressources des personnes âgées ou "
                        + "handicapées jusqu'à un plafond (règlement municipal des prestations d'aide sociale facultative, titre "
                        + "II, chapitre 1.1).")
                .text(Style.STRONG, "Montant mensuel : " + Letter.euros(amount))
                .text(Style.STRONG, "Période : " + from(g.firstMonth()) + " à " + Letter.month(g.lastMonth())
                        + " inclus (" + months + " mois), sous le n° d'allocation " + g.number() + ".")
                .text(Style.TEXT, "Versement chaque mois sur le compte de " + g.accountHolder() + " (IBAN " + Iban.masked(g.iban())
                        + ").");
        if (f != null && f.ceiling() != null && f.counted() != null) {
            boolean floored = f.declared() != null && f.counted().compareTo(f.declared()) > 0;
            body.text(Style.HEADING, "Comment ce montant est calculé")
                    .text(Style.TEXT, "• Plafond de ressources mensuel de votre foyer : " + Letter.euros(f.ceiling()) + ".", 4)
                    .text(Style.TEXT, "• Ressources retenues : " + Letter.euros(f.counted()) + " par mois" + (floored
                            ? " : vos ressources déclarées (" + Letter.euros(f.declared()) + ") sont comptées au moins au "
                            + "minimum national (" + Letter.euros(f.floor()) + "), même lorsqu'elles sont inférieures."
                            : ", celles de votre dossier."), 4)
                    .text(Style.TEXT, "• Allocation : le plafond moins les ressources retenues, soit " + Letter.euros(amount)
                            + " par mois.", 4);
        }
        if (g.monthlyAmount() != null && g.monthlyAmount().compareTo(amount) != 0) {
            body.text(Style.TEXT, "Depuis, le montant a été recalculé (un chiffre du calcul ou votre situation a changé) : il "
                    + "est aujourd'hui de " + Letter.euros(g.monthlyAmount()) + " par mois.");
        }
        if (g.status() != Grant.Status.ACTIVE) {
            body.text(Style.TEXT, "Depuis le " + ParisTime.inWords(g.statusFrom()) + ", cette allocation est "
                    + (g.status() == Grant.Status.SUSPENDED ? "suspendue." : "terminée."));
        }
        body.text(Style.HEADING, "Ce que vous devez faire")
                .text(Style.TEXT, "Signalez à votre section tout changement de situation : un déménagement, une absence de Paris de "
                        + "plus de trois mois, un changement de ressources ou de composition du foyer. L'allocation est alors "
                        + "recalculée, suspendue ou arrêtée, et une somme versée à tort devrait être remboursée.")
                .text(Style.TEXT, "Pour continuer à la recevoir après " + Letter.month(g.lastMonth()) + ", demandez son "
                        + "renouvellement à l'accueil de votre section : un rappel vous sera adressé deux mois avant.");
    }
}
