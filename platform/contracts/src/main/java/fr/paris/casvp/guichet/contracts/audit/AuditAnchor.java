package fr.paris.casvp.guichet.contracts.audit;

import java.time.Instant;

/**
 * The head of a service's audit trail, published on {@code audit-anchors.<database>.v1} (compacted; key = {@code trail};
 * only that service writes it) so that
 * a copy lives outside the service's database: a trail cut after this entry, or rewritten up to it, no longer matches.
 * Event type {@link #TYPE}; schema {@code schemas/audit-anchor.v1.json}. Internal to Guichet.
 *
 * @param trail      the trail's name: the service and its database, e.g. {@code aid-service/aid}
 * @param entryId    the last entry when the anchor was taken
 * @param hash       that entry's hash (which chains every entry before it)
 * @param anchoredAt when
 */
public record AuditAnchor(String trail, long entryId, String hash, Instant anchoredAt) {

    public static final String TYPE = "fr.paris.casvp.guichet.audit.anchor.v1";
}
