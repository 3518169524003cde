package fr.paris.casvp.guichet.contracts;

/**
 * Who does a step, as the domain objects know them: the username the four-eyes rules compare, and how the file's history
 * names them (e.g. {@code agent13 (AGENT, 13)}).
 */
public record Actor(String username, String label) {
}
