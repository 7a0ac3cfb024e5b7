/**
 * The facts Rapport records, one package per subject; together with the values they are the
 * long-lived public format.
 *
 * <p>Every event is a {@link app.rapport.events.JournalEvent}: a {@link app.rapport.events.ContactEvent}
 * names the journal's owner ({@code ownerId}) and the contact, a {@link app.rapport.events.NetworkerEvent}
 * names the networker ({@code networkerId}), and both carry {@code at}, when it happened as the
 * networker tells it; when it was recorded is the event message's timestamp. The read side finds
 * an event's journal and contact through these types, so the compiler keeps the names. Class names
 * and packages are stored with every event, so they are chosen once: an event changes only by
 * adding an optional field, or is replaced by a new type and an upcaster.
 */
package app.rapport.events;
