package fr.paris.casvp.guichet.notice.domain;

import fr.paris.casvp.guichet.contracts.Topic;

/** The benefits whose steps are told to the person, with the words a letter would use. */
public enum Benefit {
    AID(Topic.AID_EVENTS, "votre demande d'aide exceptionnelle", "Aide exceptionnelle", "dossier"),
    SOLIDARITY(Topic.SOLIDARITY_EVENTS, "votre demande de Paris Solidarité", "Paris Solidarité", "dossier"),
    TRANSPORT(Topic.TRANSPORT_EVENTS, "votre demande de forfait Navigo", "Forfait Navigo", "demande");

    private final String topic;
    private final String yourRequest;
    private final String title;
    private final String referenceWord;

    Benefit(Topic topic, String yourRequest, String title, String referenceWord) {
        this.topic = topic.topicName();
        this.yourRequest = yourRequest;
        this.title = title;
        this.referenceWord = referenceWord;
    }

    /** The benefit whose events arrive on this topic. */
    public static Benefit ofTopic(String topic) {
        for (Benefit benefit : values()) {
            if (benefit.topic.equals(topic)) {
                return benefit;
            }
        }
        throw new IllegalArgumentException("No benefit publishes on " + topic);
    }

    public String topic() {
        return topic;
    }

    /** "votre demande d'aide exceptionnelle" */
    public String yourRequest() {
        return yourRequest;
    }

    /** "Aide exceptionnelle" */
    public String title() {
        return title;
    }

    /** "dossier" n° ... */
    public String referenceWord() {
        return referenceWord;
    }
}
