package fr.paris.casvp.guichet.shapefixture.domain;

import org.springframework.stereotype.Component;

/** A domain class that imports Spring: what the shape refuses. */
@Component
public class SpringThing {
}
