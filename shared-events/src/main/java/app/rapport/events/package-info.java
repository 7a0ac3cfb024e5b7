/**
 * The facts Rapport records, one package per subject; together with the values they are the
 * long-lived public format.
 *
 * <p>Every event names the journal it belongs to ({@code ownerId}, or {@code networkerId} for the
 * networker's own events) and carries {@code at}, when it happened as the networker tells it; when
 * it was recorded is the event message's timestamp. Class names and packages are stored with every
 * event, so they are chosen once: an event changes only by adding an optional field, or is
 * replaced by a new type and an upcaster.
 */
package app.rapport.events;
