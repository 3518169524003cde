package fr.paris.casvp.guichet.contracts.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountHolderTest {

    @Test
    void aHoldersNameAsAgentsTypeItGoesToTheTreasury() {
        assertThat(AccountHolder.problem("Régie Immobilière de la Ville de Paris (RIVP)")).isNull();
        assertThat(AccountHolder.problem("SCI L'Œuf-Dupont, 12/B")).isNull();
        assertThat(AccountHolder.problem(null)).isNull();
    }

    /** Issue #33: the account holder's free text went unchanged to the treasury. */
    @Test
    void lineBreaksQuotesMarkupAndOtherScriptsDoNot() {
        for (String bad : new String[] {"EDF\r\n:20:FORGED", "EDF\"; drop", "<b>EDF</b>", "EDF\u0000", "ЕDF", "EDF 😀"}) {
            assertThat(AccountHolder.problem(bad)).as(bad).isEqualTo("may hold letters, digits, spaces and / - ? : ( ) . , ' + only");
        }
        assertThat(AccountHolder.problem("x".repeat(71))).isEqualTo("must be at most 70 characters");
    }
}
