package fr.paris.casvp.guichet.housing;

import fr.paris.casvp.guichet.messaging.partner.WaitingOrders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The monthly payments the treasury has not answered yet are watched (the platform's {@code UnansweredOrders}); the
 * service's clock is the platform's ({@code ClockAutoConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class HousingConfiguration {

    @Bean
    WaitingOrders treasuryOrders() {
        return new WaitingOrders("treasury", """
                select order_id, reference, ordered_at from housing_payment where status = 'ORDERED'""");
    }
}
