package fr.paris.casvp.guichet.notice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.contracts.section.Sections;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NoticeTextTest {

    private static final Benefit AID = Benefit.valueOf("aid");
    private static final Benefit SOLIDARITY = Benefit.valueOf("SOLIDARITY");
    private static final Benefit TRANSPORT = Benefit.valueOf("transport");

    @Test
    void everyTransitionADeclaredBenefitTellsIsAMomentThisServiceKnows() {
        assertThat(Benefit.values()).isNotEmpty().allSatisfy(benefit -> assertThat(benefit.declared().notices())
                .allSatisfy((transition, moment) -> assertThat(Moment.of(benefit, transition)).contains(Moment.valueOf(moment))));
        assertThat(AID.name()).isEqualTo("AID");
        assertThat(Benefit.valueOf(AID.name())).isEqualTo(AID);
    }


    private static final Recipient EMILIE = new Recipient("F", "Ørsted-Nguyễn", "emilie@example.org", "06 12 34 56 78", true, false);

    @Test
    void anEmailGreetsTellsWhatComesNextAndWhomToCallWithoutAnyAmountOrReason() {
        Notice granted = new Notice(AID, Moment.GRANTED, "AE-13-2026-000042", "13", Instant.parse("2026-12-01T09:30:00Z"));

        NoticeText.Message message = NoticeText.email(granted, EMILIE, Sections.directory().of("13"), "https://guichet.example/suivi");

        assertThat(message.subject()).isEqualTo("Aide exceptionnelle — demande accordée (dossier n° AE-13-2026-000042)");
        assertThat(message.body())
                .startsWith("Madame Ørsted-Nguyễn,\n\n")
                .contains("votre demande d'aide exceptionnelle (dossier n° AE-13-2026-000042) a été accordée le 1er décembre 2026.")
                .contains("https://guichet.example/suivi")
                .contains("Section du 13e arrondissement, 146 boulevard de l'Hôpital, 75013 Paris")
                .contains("Pour ne plus recevoir ces avis")
                .doesNotContain("€");
    }

    @Test
    void theDateIsParissAndTheFirstOfTheMonthIsSaid1er() {
        // 23:30 UTC on 30 November is 00:30 on 1 December in Paris.
        Notice received = new Notice(SOLIDARITY, Moment.RECEIVED, "PS-18-2026-000001", "18",
                Instant.parse("2026-11-30T23:30:00Z"));

        assertThat(NoticeText.email(received, EMILIE, Sections.directory().of("18"), "x").body())
                .contains("Nous avons bien reçu votre demande de Paris Solidarité (dossier n° PS-18-2026-000001) le 1er décembre 2026.");
        assertThat(NoticeText.sms(received, Sections.directory().of("18")))
                .isEqualTo("CASVP : Paris Solidarité n° PS-18-2026-000001 — demande reçue le 1er décembre 2026. "
                        + "Section du 18e arrondissement : 3975 (demandez la section du 18e).")
                .doesNotContain("Ørsted");
    }

    @Test
    void aTextGoesToAFrenchMobileOnlyWithConsentAndNothingGoesAfterAnOptOut() {
        assertThat(EMILIE.address(Channel.SMS)).contains("+33612345678");
        assertThat(EMILIE.address(Channel.EMAIL)).contains("emilie@example.org");
        assertThat(new Recipient("M", "Durand", null, "01 44 08 12 00", true, false).address(Channel.SMS)).isEmpty();
        assertThat(new Recipient("M", "Durand", null, "+33 7 12 34 56 78", false, false).address(Channel.SMS)).isEmpty();
        Recipient declined = new Recipient("M", "Durand", "d@example.org", "0712345678", true, true);
        assertThat(declined.address(Channel.EMAIL)).isEmpty();
        assertThat(declined.address(Channel.SMS)).isEmpty();
    }

    @Test
    void aChangedMonthlyAmountIsToldWithoutTheAmount() {
        Notice changed = new Notice(SOLIDARITY, Moment.AMOUNT_CHANGED, "PSG-2026-000042", "13",
                Instant.parse("2026-12-05T09:30:00Z"));

        NoticeText.Message message = NoticeText.email(changed, EMILIE, Sections.directory().of("13"), "x");

        assertThat(message.subject()).isEqualTo("Paris Solidarité — montant mensuel modifié (dossier n° PSG-2026-000042)");
        assertThat(message.body()).contains("Le montant mensuel de votre allocation Paris Solidarité (dossier n° PSG-2026-000042) "
                + "a changé le 5 décembre 2026").doesNotContain("€");
    }

    @Test
    void onlyTheStepsWorthAMessageAreTold() {
        assertThat(Moment.of(SOLIDARITY, "AMOUNT_RECOMPUTED")).contains(Moment.AMOUNT_CHANGED);
        assertThat(Moment.of(SOLIDARITY, "EXAMINED")).isEmpty();
        assertThat(Moment.of(AID, "EXAMINED")).isEmpty();
        assertThat(Moment.of(SOLIDARITY, "APPLICATION_RECEIVED")).contains(Moment.RECEIVED);
        assertThat(Moment.of(TRANSPORT, "ACTIVATED")).contains(Moment.PASS_LOADED);
        assertThat(Benefit.ofTopic("transport.events.v1")).isEqualTo(TRANSPORT);
    }

    /** Issue #36: a pass valid from 1 January was "to use from now on" in the e-mail of 4 December. */
    @Test
    void aPassLoadedBeforeItsFirstDaySaysFromWhenItCanBeUsed() {
        Instant loaded = Instant.parse("2026-12-04T10:00:00Z");
        Notice early = new Notice(TRANSPORT, Moment.PASS_LOADED, "NAV-13-2026-000007", "13", loaded, LocalDate.of(2027, 1, 1));
        Notice today = new Notice(TRANSPORT, Moment.PASS_LOADED, "NAV-13-2026-000008", "13", loaded, LocalDate.of(2026, 12, 4));

        assertThat(NoticeText.email(early, EMILIE, Sections.directory().of("13"), "x").body())
                .contains("Il est valable à partir du 1er janvier 2027 : utilisez-le dès ce jour-là.")
                .doesNotContain("dès maintenant");
        assertThat(NoticeText.email(today, EMILIE, Sections.directory().of("13"), "x").body())
                .contains("Vous pouvez l'utiliser dès maintenant.");
    }
}
