package fr.paris.casvp.guichet.transport;

import fr.paris.casvp.guichet.messaging.partner.WaitingOrders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The service's scheduled jobs run on this instance's scheduler; its clock is the platform's ({@code ClockAutoConfiguration}).
 * The pass orders the transport operator has not answered yet are watched (the platform's {@code UnansweredOrders}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TransportConfiguration {

    @Bean
    WaitingOrders operatorOrders() {
        return new WaitingOrders("transport-operator", """
                select o.id as order_id, p.number || ' ' || o.action as reference, o.ordered_at
                from transport_pass_order o join transport_pass p on p.id = o.pass_id where o.status = 'SENT'""");
    }
}
