package fr.paris.casvp.guichet.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Gives a {@code @SpringBootTest} the service's clock as a {@link MutableClock} that the test pins:
 * {@code @Import(MutableClockConfiguration.class)}, then {@code @Autowired MutableClock clock}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MutableClockConfiguration {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }
}
