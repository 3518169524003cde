package fr.paris.casvp.guichet.testsupport;

/** How to reach one database of the shared PostgreSQL server. */
public record DatabaseCoordinates(String jdbcUrl, String username, String password) {
}
