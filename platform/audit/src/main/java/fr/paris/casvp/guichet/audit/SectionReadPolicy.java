package fr.paris.casvp.guichet.audit;

import fr.paris.casvp.guichet.messaging.replica.SnapshotReadPolicy;
import fr.paris.casvp.guichet.web.Agent;

/** A beneficiary's snapshot in a benefit's replica is read by an agent of the file's section, or a supervisor. */
class SectionReadPolicy implements SnapshotReadPolicy {

    @Override
    public void checkRead(String section) {
        Agent.current().requireRead(section);
    }
}
