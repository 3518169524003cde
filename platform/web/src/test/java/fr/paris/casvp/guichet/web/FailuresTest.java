package fr.paris.casvp.guichet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class FailuresTest {

    @Test
    void aDatabaseThatCannotServeNowIsUnavailable() {
        assertThat(Failures.classify(new CannotCreateTransactionException("no connection"))).isEqualTo(Failures.Kind.UNAVAILABLE);
        assertThat(Failures.classify(new DataAccessResourceFailureException("refused"))).isEqualTo(Failures.Kind.UNAVAILABLE);
        // As seen in the database drill: the session terminated under a request, then its rollback fails.
        assertThat(Failures.classify(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed", "08003")))).isEqualTo(Failures.Kind.UNAVAILABLE);
        assertThat(Failures.classify(new IllegalStateException("query failed",
                new SQLException("terminating connection due to administrator command", "57P01")))).isEqualTo(Failures.Kind.UNAVAILABLE);
    }

    @Test
    void aValueTheDatabaseCannotStoreIsTheRequests() {
        assertThat(Failures.classify(new DataIntegrityViolationException("insert",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")))).isEqualTo(Failures.Kind.UNSTORABLE_INPUT);
        assertThat(Failures.classify(new DataIntegrityViolationException("insert",
                new SQLException("value too long for type character varying(60)", "22001")))).isEqualTo(Failures.Kind.UNSTORABLE_INPUT);
    }

    @Test
    void anythingElseIsADefect() {
        assertThat(Failures.classify(new NullPointerException())).isEqualTo(Failures.Kind.DEFECT);
        assertThat(Failures.classify(new DuplicateKeyException("unique", new SQLException("duplicate key", "23505"))))
                .as("a constraint the code should have checked").isEqualTo(Failures.Kind.DEFECT);
    }
}
