package fr.paris.casvp.guichet.notice.notice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoticeServiceTest {

    @Test
    void aRelaysErrorKeepsItsMeaningButNotTheAddressesItQuotes() {
        assertThat(NoticeService.withoutAddresses(
                "MailSendException: 550 5.1.1 <emilie.orsted@example.org>: Recipient address rejected; to +33612345678@sms.example"))
                .isEqualTo("MailSendException: 550 5.1.1 <<adresse>>: Recipient address rejected; to <adresse>")
                .doesNotContain("emilie", "612345678");
        assertThat(NoticeService.withoutAddresses("Couldn't connect to host, port: smtp.example.org, 25; timeout 5000"))
                .isEqualTo("Couldn't connect to host, port: smtp.example.org, 25; timeout 5000");
        assertThat(NoticeService.withoutAddresses("number 06 12 34 56 78 refused")).isEqualTo("number <numéro> refused");
    }
}
