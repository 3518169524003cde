package fr.paris.casvp.guichet.notice.notice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code guichet.notices.*}: who sends, where the public follows a receipt, how text messages leave, and how hard a
 * notice is tried.
 *
 * @param from       the e-mails' sender
 * @param followPage the public page "Suivre ma demande"
 * @param smsDomain  text messages go by e-mail to {@code <+33...>@<smsDomain>} (an SMTP-to-SMS provider)
 * @param maxAge     an event older than this when it arrives is not told any more
 * @param attempts   tries before a notice is FAILED
 * @param firstRetry the delay before the second try, doubled at each one after
 * @param batch      notices sent per round
 */
@ConfigurationProperties("guichet.notices")
record NoticeProperties(String from, String followPage, String smsDomain, Duration maxAge, int attempts, Duration firstRetry,
                        int batch) {
}
