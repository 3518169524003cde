package fr.paris.casvp.guichet.aid.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A decision of the section director on an application: a grant with its amount, or a refusal with its reason. An
 * application may have several: a refusal, then the decision taken again on appeal ({@code onAppeal}).
 *
 * @param decisionDate the day in Paris the decision was taken: the date the cap is counted on
 */
public record Decision(UUID id, Outcome outcome, BigDecimal amount, RefusalReason reasonCode, String reasonText,
                       String decidedBy, Instant decidedAt, LocalDate decisionDate, boolean onAppeal) {

    public enum Outcome { GRANTED, REFUSED }
}
