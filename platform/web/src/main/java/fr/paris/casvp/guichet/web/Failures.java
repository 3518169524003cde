package fr.paris.casvp.guichet.web;

import java.sql.SQLException;
import java.util.List;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * What an unexpected exception means for the caller, in one place for the HTTP answer and for a queued command's
 * replay. A refusal is never an outage: only a service that cannot work now (its database unreachable, a transient
 * failure) says "unavailable" (503), which the gateway answers by queueing the command; input the database cannot store
 * is the request's fault (400); anything else is a defect (500), which is neither queued nor retried for ever.
 */
public final class Failures {

    public enum Kind {
        /** The service cannot work now and will again: 503, retried. */
        UNAVAILABLE,
        /** The request holds a value the database cannot store (too long, a character it refuses, out of range): 400. */
        UNSTORABLE_INPUT,
        /** A defect: 500, never retried for ever. */
        DEFECT
    }

    private Failures() {
    }

    public static Kind classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException || t instanceof CannotCreateTransactionException
                    || t instanceof TransactionSystemException) {
                return Kind.UNAVAILABLE;
            }
            if (t instanceof DataIntegrityViolationException && dataException(t)) {
                return Kind.UNSTORABLE_INPUT;
            }
        }
        String state = sqlState(failure);
        if (state != null && UNAVAILABLE_STATES.stream().anyMatch(state::startsWith)) {
            // e.g. a rollback that fails because the database closed the connection (TransactionSystemException)
            return Kind.UNAVAILABLE;
        }
        return Kind.DEFECT;
    }

    /**
     * SQLSTATE classes of a database that cannot serve now: connection exception (08), insufficient resources (53),
     * operator intervention such as an administrator's shutdown or a terminated session (57), system error (58).
     */
    private static final List<String> UNAVAILABLE_STATES = List.of("08", "53", "57", "58");

    /** The SQLSTATE of the first SQL exception among the causes (logged instead of a message that may quote values). */
    public static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** SQLSTATE class 22, "data exception": string too long, invalid character (NUL), numeric or date out of range. */
    private static boolean dataException(Throwable failure) {
        String state = sqlState(failure);
        return state != null && state.startsWith("22");
    }
}
