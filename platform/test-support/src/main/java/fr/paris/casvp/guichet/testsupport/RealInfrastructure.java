package fr.paris.casvp.guichet.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Backs a Spring test context with a real PostgreSQL database of its own and the shared real Kafka broker
 * (see {@link SharedInfrastructure}). Sets {@code spring.datasource.*} and {@code spring.kafka.bootstrap-servers}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RealInfrastructure {

    /** Prefix of the fresh database created for the test context, usually the service's name. */
    String database();

    /**
     * Whether to point the context at the shared Kafka broker. A test that starts its own broker (to stop it, or to
     * start it late) says false and sets {@code spring.kafka.bootstrap-servers} itself.
     */
    boolean kafka() default true;
}
