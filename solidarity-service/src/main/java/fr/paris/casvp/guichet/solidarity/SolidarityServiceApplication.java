package fr.paris.casvp.guichet.solidarity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Paris Solidarité. */
@SpringBootApplication
public class SolidarityServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SolidarityServiceApplication.class, args);
    }
}
