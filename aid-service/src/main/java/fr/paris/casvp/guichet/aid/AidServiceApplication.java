package fr.paris.casvp.guichet.aid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Exceptional aid (allocation exceptionnelle). */
@SpringBootApplication
public class AidServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AidServiceApplication.class, args);
    }
}
