package fr.paris.casvp.guichet.shapefixture.domain;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A domain class that holds SQL: what the shape refuses. */
public class SqlThing {

    private final JdbcClient jdbc;

    SqlThing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int count() {
        return jdbc.sql("select 1").query(Integer.class).single();
    }
}
