package fr.paris.casvp.guichet.notice.notice;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends what is due, every {@code guichet.notices.poll}. */
@Component
class NoticeJobs {

    private final NoticeService notices;

    NoticeJobs(NoticeService notices) {
        this.notices = notices;
    }

    @Scheduled(fixedDelayString = "${guichet.notices.poll}", initialDelayString = "${guichet.notices.poll}")
    void sendDue() {
        notices.sendDue();
    }
}
