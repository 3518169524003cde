package fr.paris.casvp.guichet.aid;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The service's scheduled jobs run on this instance's scheduler; its clock is the platform's ({@code ClockAutoConfiguration}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AidConfiguration {
}
