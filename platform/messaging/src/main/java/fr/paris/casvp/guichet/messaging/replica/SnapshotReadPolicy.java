package fr.paris.casvp.guichet.messaging.replica;

/**
 * Who may read a beneficiary's snapshot from a benefit's replica: the service provides it (an agent of the file's
 * section, or a supervisor); it throws when the current agent may not. Without one, the replica controller refuses
 * every read.
 */
public interface SnapshotReadPolicy {

    /** @param section the section that follows the file, from its snapshot */
    void checkRead(String section);
}
