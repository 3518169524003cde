package fr.paris.casvp.guichet.solidarity.payment;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On every instance, every {@code guichet.solidarity.payment-run-watch-interval} (30 s): a month left RUNNING by an
 * instance that stopped or died is taken up here ({@link PaymentRunService#resumeUnfinished()}).
 */
@Component
class PaymentRunWatch {

    private final PaymentRunService runs;

    PaymentRunWatch(PaymentRunService runs) {
        this.runs = runs;
    }

    @Scheduled(fixedDelayString = "${guichet.solidarity.payment-run-watch-interval:PT30S}",
            initialDelayString = "${guichet.solidarity.payment-run-watch-interval:PT30S}")
    void watch() {
        runs.resumeUnfinished();
    }
}
