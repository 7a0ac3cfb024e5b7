package app.rapport.events;

/** A fact about the networker themself (their profile, their mentors) rather than about a contact. */
public interface NetworkerEvent extends JournalEvent {

    /** The networker's username, so the journal's owner; stored as {@code networkerId} since the first events. */
    String networkerId();
}
