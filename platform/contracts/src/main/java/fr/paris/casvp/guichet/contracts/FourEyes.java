package fr.paris.casvp.guichet.contracts;

/**
 * The four-eyes rule of every benefit (RM I/B art. 5): who decides a file neither filed it nor examined it. Written once
 * for the benefits' domain objects; refused as 403 {@link ProblemTypes#FOUR_EYES}, naming what the agent did.
 */
public final class FourEyes {

    private FourEyes() {
    }

    /**
     * Refuses {@code by} as the decider of a file filed by {@code filedBy} and examined by {@code examinedBy} (null when it
     * was not examined) when they are either.
     */
    public static void requireDecider(Actor by, String filedBy, String examinedBy) {
        if (by.username().equals(filedBy) || by.username().equals(examinedBy)) {
            throw Refusal.fourEyes("You " + (by.username().equals(filedBy) ? "filed" : "examined")
                    + " this application: another agent of the section must decide it.");
        }
    }
}
