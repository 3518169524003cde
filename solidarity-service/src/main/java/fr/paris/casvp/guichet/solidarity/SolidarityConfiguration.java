package fr.paris.casvp.guichet.solidarity;

import fr.paris.casvp.guichet.messaging.partner.WaitingOrders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The service's scheduled jobs run on this instance's scheduler; its clock is the platform's ({@code ClockAutoConfiguration}).
 * The monthly payment orders the treasury has not answered yet are watched (the platform's {@code UnansweredOrders}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SolidarityConfiguration {

    @Bean
    WaitingOrders treasuryOrders() {
        return new WaitingOrders("treasury", """
                select order_id, reference, created_at as ordered_at from psol_payment where status = 'ORDERED'""");
    }
}
