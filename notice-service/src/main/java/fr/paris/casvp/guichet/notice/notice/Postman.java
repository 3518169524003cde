package fr.paris.casvp.guichet.notice.notice;

import fr.paris.casvp.guichet.notice.domain.NoticeText.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands notices to the mail relay: e-mails, and text messages through the SMTP-to-SMS provider (an e-mail to
 * {@code <number>@<smsDomain>} whose body is the text). Each message's {@code Message-ID} is the notice's id, so that a
 * notice sent twice after a crash between the relay's acceptance and our record of it is one message for the relay and
 * the mailbox that de-duplicate by it.
 */
@Component
class Postman {

    private final JavaMailSender mail;
    private final NoticeProperties properties;

    Postman(JavaMailSender mail, NoticeProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    void email(UUID notice, String to, Message message) {
        send(notice, to, message.subject(), message.body());
    }

    void sms(UUID notice, String mobile, String text) {
        send(notice, mobile + "@" + properties.smsDomain(), "SMS", text);
    }

    private void send(UUID notice, String to, String subject, String body) {
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body, false);
            message.setHeader("Auto-Submitted", "auto-generated");
            // Kept by the sender (JavaMailSenderImpl keeps an explicit Message-ID).
            message.setHeader("Message-ID", "<" + notice + "@notices.guichet>");
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Cannot write the notice " + notice + ": " + e.getMessage(), e);
        }
        mail.send(message);
    }
}
