package fr.paris.casvp.guichet.transport;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TransportConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
