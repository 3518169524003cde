package fr.paris.casvp.guichet.transport.domain;

import java.time.Instant;

/** A step of a pass's history as the agents read it: what happened, when, by whom, and a detail. */
public record HistoryEntry(String transition, Instant at, String agent, String detail) {
}
