package fr.paris.casvp.guichet.aid;

import fr.paris.casvp.guichet.messaging.partner.WaitingOrders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The service's scheduled jobs run on this instance's scheduler; its clock is the platform's ({@code ClockAutoConfiguration}).
 * The payment orders the treasury has not answered yet are watched (the platform's {@code UnansweredOrders}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AidConfiguration {

    @Bean
    WaitingOrders treasuryOrders() {
        return new WaitingOrders("treasury", """
                select id as order_id, reference, ordered_at from aid_payment_order where status = 'ORDERED'""");
    }
}
