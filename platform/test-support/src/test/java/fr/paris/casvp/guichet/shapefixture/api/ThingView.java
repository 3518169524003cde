package fr.paris.casvp.guichet.shapefixture.api;

/** The api's view of a thing. */
public record ThingView(String name) {
}
