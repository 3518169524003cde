package fr.paris.casvp.guichet.housing;

import fr.paris.casvp.guichet.messaging.partner.WaitingOrders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The monthly payments the treasury has not answered yet are watched (the platform's {@code UnansweredOrders}, every
 * minute); the platform's scheduled jobs run here (the figures' stale gauges and approved values whose day has come);
 * the service's clock is the platform's ({@code ClockAutoConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class HousingConfiguration {

    @Bean
    WaitingOrders treasuryOrders() {
        return new WaitingOrders("treasury", """
                select order_id, reference, ordered_at from housing_payment where status = 'ORDERED'""");
    }
}
