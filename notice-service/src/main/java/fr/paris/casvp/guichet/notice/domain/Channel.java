package fr.paris.casvp.guichet.notice.domain;

/** How a notice reaches the person. */
public enum Channel {
    EMAIL, SMS
}
