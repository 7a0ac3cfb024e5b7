package app.rapport.command.imports;

import app.rapport.events.JournalEvent;

/**
 * One line of a journal export: an event as it was recorded.
 *
 * @param line the line's number in the file, from 1
 * @param type the event's type as the export names it
 * @param eventId the event's id in the journal it was exported from, by which corrections name it
 */
record JournalLine(int line, String type, String eventId, JournalEvent event) {
}
