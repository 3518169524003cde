package fr.paris.casvp.guichet.notice.domain;

import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import java.util.List;
import java.util.Locale;

/**
 * A benefit whose steps are told to the person, as {@link Benefits} declares it: the words a letter uses, the
 * transitions told and where its reference is. Stored and answered by its {@link #name()} ({@code AID}).
 */
public record Benefit(fr.paris.casvp.guichet.contracts.benefit.Benefit declared) {

    /** Every benefit declared. */
    public static List<Benefit> values() {
        return Benefits.all().stream().map(Benefit::new).toList();
    }

    /** The benefit of a stored name ({@code AID}) or a code ({@code aid}). */
    public static Benefit valueOf(String name) {
        return new Benefit(Benefits.of(name.toLowerCase(Locale.ROOT)));
    }

    /** The benefit whose events arrive on this topic. */
    public static Benefit ofTopic(String topic) {
        return Topic.byName(topic).flatMap(Topic::benefit).filter(code -> Topic.eventsOf(code).topicName().equals(topic))
                .map(Benefit::valueOf).orElseThrow(() -> new IllegalArgumentException("No benefit publishes on " + topic));
    }

    /** {@code AID}: what the notices' table and the API hold. */
    public String name() {
        return declared.code().toUpperCase(Locale.ROOT);
    }

    public String topic() {
        return Topic.eventsOf(declared.code()).topicName();
    }

    /** "votre demande d'aide exceptionnelle" */
    public String yourRequest() {
        return declared.names().yourRequest();
    }

    /** "Aide exceptionnelle" */
    public String title() {
        return declared.names().title();
    }

    /** "dossier" n° ... */
    public String referenceWord() {
        return declared.names().referenceWord();
    }

    /** The fields of an event that hold the number the person knows, the first present wins. */
    public List<String> reference() {
        return declared.reference();
    }

    @Override
    public String toString() {
        return name();
    }
}
