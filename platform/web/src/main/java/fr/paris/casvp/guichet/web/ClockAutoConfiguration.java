package fr.paris.casvp.guichet.web;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one source of time of a service: every date and instant the code uses comes from this {@link Clock} (UTC; the
 * code turns it into a calendar date in {@code Europe/Paris} where a date is meant). A test replaces it with its own
 * clock to run as of any day; the architecture rule {@code TimeRules} keeps code from reading the wall clock itself.
 */
@AutoConfiguration
public class ClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
