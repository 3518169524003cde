package fr.paris.casvp.guichet.beneficiary.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.Address;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.Identity;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.IncomeTax;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.MonthlyResource;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.NoFixedAddress;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.ResidencePeriod;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.ResourceKind;
import fr.paris.casvp.guichet.web.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SituationValidatorTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    static BeneficiarySituation valid() {
        return new BeneficiarySituation(
                new Identity("Martin", null, "Jeanne", LocalDate.of(1950, 6, 1), "F", "184127645108946"),
                new Address("12 rue de la Glacière", null, "75013", "Paris", null),
                List.of(new ResidencePeriod(LocalDate.of(2010, 1, 1), LocalDate.of(2012, 12, 31)),
                        new ResidencePeriod(LocalDate.of(2015, 3, 1), null)),
                null, List.of(), null, List.of(),
                List.of(new MonthlyResource(ResourceKind.PENSION, new BigDecimal("803.20"))),
                List.of(new IncomeTax(2025, BigDecimal.ZERO)), false, "13", null);
    }

    @Test
    void aCompleteSituationHasNoError() {
        assertThat(SituationValidator.validate(valid(), TODAY)).isEmpty();
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        BeneficiarySituation bad = new BeneficiarySituation(
                new Identity(" ", null, "Jeanne", LocalDate.of(2027, 1, 1), "X", "184127645108947"),
                new Address("12 rue", null, "75021", "Paris", null),
                List.of(), null, List.of(), null, List.of(),
                List.of(new MonthlyResource(ResourceKind.PENSION, new BigDecimal("-1")),
                        new MonthlyResource(ResourceKind.SALARY, new BigDecimal("10.005"))),
                List.of(new IncomeTax(2025, BigDecimal.ONE), new IncomeTax(2025, BigDecimal.ONE)), false, "21", null);

        assertThat(SituationValidator.validate(bad, TODAY)).extracting(FieldError::field).containsExactlyInAnyOrder(
                "identity.lastName", "identity.birthDate", "identity.sex", "identity.nir", "address.postcode",
                "monthlyResources[0].amount", "monthlyResources[1].amount", "incomeTax[1].taxYear", "section");
    }

    /** Issue #33: a 30-digit resource was accepted, and 1E+1001 (no decimals) was a 500. */
    /** Issue #36: 92100 with the city "Paris" was accepted, and an empty postcode read "unknown postcode". */
    @Test
    void aParisAddressHasAParisPostcodeAndAnEmptyPostcodeIsRequired() {
        BeneficiarySituation s = valid();
        BeneficiarySituation boulogne = new BeneficiarySituation(s.identity(), new Address("3 rue de Paris", null, "92100", "Paris", null),
                List.of(), null, List.of(), null, List.of(), s.monthlyResources(), s.incomeTax(), false, "13", null);
        BeneficiarySituation inBoulogne = new BeneficiarySituation(s.identity(),
                new Address("3 rue de Paris", null, "92100", "Boulogne-Billancourt", null),
                List.of(), null, List.of(), null, List.of(), s.monthlyResources(), s.incomeTax(), false, "13", null);
        BeneficiarySituation none = new BeneficiarySituation(s.identity(), new Address("3 rue de Paris", null, "", "Paris", null),
                List.of(), null, List.of(), null, List.of(), s.monthlyResources(), s.incomeTax(), false, "13", null);

        assertThat(SituationValidator.validate(boulogne, TODAY)).extracting(FieldError::field, FieldError::detail)
                .containsExactly(tuple("address.city", "is Paris, but the postcode is not a Paris one"));
        assertThat(SituationValidator.validate(inBoulogne, TODAY)).isEmpty();
        assertThat(SituationValidator.validate(none, TODAY)).extracting(FieldError::field, FieldError::detail)
                .containsExactly(tuple("address.postcode", "required"));
    }

    @Test
    void anAmountIsBoundedWhateverItsNotation() {
        BeneficiarySituation s = valid();
        BeneficiarySituation huge = new BeneficiarySituation(s.identity(), s.address(), s.parisResidence(), null, List.of(), null,
                List.of(), List.of(new MonthlyResource(ResourceKind.PENSION, new BigDecimal("123456789012345678901234567890")),
                        new MonthlyResource(ResourceKind.SALARY, new BigDecimal("1E+1001")),
                        new MonthlyResource(ResourceKind.OTHER, new BigDecimal("1000000.00"))),
                List.of(new IncomeTax(2025, new BigDecimal("1E+30"))), false, "13", null);

        assertThat(SituationValidator.validate(huge, TODAY)).extracting(FieldError::field, FieldError::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple("monthlyResources[0].amount", "must be at most 1000000 €"),
                org.assertj.core.groups.Tuple.tuple("monthlyResources[1].amount", "must be at most 1000000 €"),
                org.assertj.core.groups.Tuple.tuple("incomeTax[0].amount", "must be at most 1000000 €"));
    }

    /** Issue #33: a line break in a name reached e-mail bodies; a zero-width or blank-looking letter made a second person. */
    @Test
    void aNameIsOnOneLineAndHasNoInvisibleCharacter() {
        BeneficiarySituation s = valid();
        for (String[] bad : new String[][] {{"Martin\r\nBcc: x@example.org", "must be on one line"},
                {"Ptx\u200bhomo", "contains an invisible character"}, {"\u3164", "contains an invisible character"},
                {"\u2800\u2800", "contains an invisible character"}, {"Ptx\u00adhomo", "contains an invisible character"},
                {"Ptxh\u043emo", "mixes the letters of several alphabets (a Cyrillic or Greek letter among Latin ones)"},
                {"\u039fdile", "mixes the letters of several alphabets (a Cyrillic or Greek letter among Latin ones)"}}) {
            BeneficiarySituation named = new BeneficiarySituation(new Identity(bad[0], null, "Jeanne", s.identity().birthDate(),
                    "F", null), s.address(), s.parisResidence(), null, List.of(), null, List.of(), s.monthlyResources(),
                    s.incomeTax(), false, "13", null);
            assertThat(SituationValidator.validate(named, TODAY)).as(bad[0]).extracting(FieldError::field, FieldError::detail)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("identity.lastName", bad[1]));
        }
        BeneficiarySituation accents = new BeneficiarySituation(new Identity("Ørsted-Nguyễn d'Œuf", null, "Zoé Ève",
                s.identity().birthDate(), "F", null), s.address(), s.parisResidence(), null, List.of(), null, List.of(),
                s.monthlyResources(), s.incomeTax(), false, "13", null);
        assertThat(SituationValidator.validate(accents, TODAY)).isEmpty();
    }

    @Test
    void anAddressIsBoundedAndAnEmailCheckedInOnePass() {
        BeneficiarySituation s = valid();
        BeneficiarySituation long_ = new BeneficiarySituation(s.identity(), new Address("1" + "x".repeat(200), null, "75013",
                "P".repeat(101), null), s.parisResidence(), null, List.of(), null, List.of(), s.monthlyResources(), s.incomeTax(),
                false, "13", null);

        assertThat(SituationValidator.validate(long_, TODAY)).extracting(FieldError::field)
                .containsExactlyInAnyOrder("address.line1", "address.city");
        assertThat(SituationValidator.isEmail("jeanne.martin@example.fr")).isTrue();
        assertThat(SituationValidator.isEmail("j@paris.fr")).isTrue();
        assertThat(SituationValidator.isEmail("jeanne.martin@localhost")).isFalse();
        assertThat(SituationValidator.isEmail("jeanne@@example.fr")).isFalse();
        assertThat(SituationValidator.isEmail("jeanne martin@example.fr")).isFalse();
        assertThat(SituationValidator.isEmail("jeanne@example.")).isFalse();
        // Issue #33: a display name, or a second address, is not one mailbox.
        assertThat(SituationValidator.isEmail("Jeanne<jeanne@example.fr>")).isFalse();
        assertThat(SituationValidator.isEmail("jeanne@example.fr,pirate@example.org")).isFalse();
        assertThat(SituationValidator.isEmail("\"jeanne\"@example.fr")).isFalse();
        // 64 KB of a.a.a...: what took the former pattern over 10 s is a plain refusal (too long)
        assertThat(SituationValidator.isEmail("a@" + "a.".repeat(32_000))).isFalse();
    }

    @Test
    void aParisAddressNeedsAnOpenResidencePeriod() {
        BeneficiarySituation closed = withResidence(List.of(new ResidencePeriod(LocalDate.of(2015, 3, 1), LocalDate.of(2020, 1, 1))));

        assertThat(SituationValidator.validate(closed, TODAY)).extracting(FieldError::field).containsExactly("parisResidence");
    }

    @Test
    void residencePeriodsMayNotOverlapNorStartInTheFuture() {
        BeneficiarySituation overlapping = withResidence(List.of(
                new ResidencePeriod(LocalDate.of(2010, 1, 1), LocalDate.of(2016, 1, 1)),
                new ResidencePeriod(LocalDate.of(2015, 3, 1), null)));
        BeneficiarySituation future = withResidence(List.of(new ResidencePeriod(LocalDate.of(2027, 1, 1), null)));

        assertThat(SituationValidator.validate(overlapping, TODAY)).extracting(FieldError::field).containsExactly("parisResidence[1].from");
        assertThat(SituationValidator.validate(future, TODAY)).extracting(FieldError::field).containsExactly("parisResidence[0].from");
    }

    @Test
    void withNoFixedAddressThePsaIsRequiredInsteadOfTheAddress() {
        BeneficiarySituation s = valid();
        BeneficiarySituation homeless = new BeneficiarySituation(s.identity(), null, List.of(), new NoFixedAddress(" "),
                List.of(), null, List.of(), List.of(), List.of(), false, "13", null);

        assertThat(SituationValidator.validate(homeless, TODAY)).extracting(FieldError::field).containsExactly("noFixedAddress.psa");
    }

    private static BeneficiarySituation withResidence(List<ResidencePeriod> periods) {
        BeneficiarySituation s = valid();
        return new BeneficiarySituation(s.identity(), s.address(), periods, null, List.of(), null, List.of(),
                s.monthlyResources(), s.incomeTax(), false, "13", null);
    }
}
