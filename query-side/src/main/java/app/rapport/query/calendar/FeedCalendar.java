package app.rapport.query.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import app.rapport.values.Channel;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * A networker's feed as an RFC 5545 calendar, written by ical4j: a {@code VEVENT} per interview
 * with a time (its agreed time box, busy) and one per open due item at its due time (a short slot
 * that does not make the networker busy). Every UID comes from the id of what it shows, so a
 * calendar that fetches the feed again updates its events instead of adding them twice. Times are
 * UTC; the calendar app shows them in the subscriber's zone.
 */
final class FeedCalendar {

    static final String NAME = "Rapport";
    /** How often a calendar app should fetch the feed again (a hint; Google decides for itself). */
    static final Duration REFRESH = Duration.ofHours(1);
    /** How long a due item's slot is: long enough to be seen in a day view, and not an appointment. */
    static final Duration DUE_ITEM_SLOT = Duration.ofMinutes(15);
    private static final String UID_DOMAIN = "@rapport";

    private FeedCalendar() {
    }

    /** @param now when the feed is written: every event's DTSTAMP */
    static Calendar of(List<ScheduledInterview> interviews, List<OpenDueItem> dueItems, Instant now) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Rapport//Calendar feed//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Name(NAME));
        calendar.add(new XProperty("X-WR-CALNAME", NAME));
        calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH));
        calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
        // RFC 5545 wants at least one component, so a feed with nothing due yet still needs one
        calendar.add(utc());
        interviews.forEach(interview -> calendar.add(event(interview, now)));
        dueItems.forEach(item -> calendar.add(event(item, now)));
        return calendar;
    }

    /** The calendar as the text a calendar app reads: UTF-8, CRLF line ends, long lines folded. */
    static byte[] write(Calendar calendar) {
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, text);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("The feed's calendar could not be written: " + e.getMessage(), e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String uidOf(ScheduledInterview interview) {
        return "interview-" + interview.interviewId() + UID_DOMAIN;
    }

    static String uidOf(OpenDueItem item) {
        return "due-" + item.itemId().toLowerCase(Locale.ROOT).replace(':', '-') + UID_DOMAIN;
    }

    /** The zone of the feed's times, which are all written in UTC. */
    private static VTimeZone utc() {
        Standard standard = new Standard();
        standard.add(new DtStart<>(LocalDateTime.of(1970, 1, 1, 0, 0)));
        standard.add(new TzOffsetFrom(ZoneOffset.UTC));
        standard.add(new TzOffsetTo(ZoneOffset.UTC));
        standard.add(new TzName("UTC"));
        VTimeZone zone = new VTimeZone();
        zone.add(new TzId("UTC"));
        zone.add(standard);
        return zone;
    }

    private static VEvent event(ScheduledInterview interview, Instant now) {
        VEvent event = new VEvent(interview.scheduledFor(), Duration.ofMinutes(interview.durationMinutes()),
                "Informational interview with " + withOrganization(interview.contactName(), interview.organization()));
        event.replace(new DtStamp(now));
        event.add(new Uid(uidOf(interview)));
        String where = interview.location() != null && !interview.location().isBlank() ? interview.location()
                : modeOf(interview.mode());
        if (where != null) {
            event.add(new Location(where));
        }
        if (interview.purpose() != null && !interview.purpose().isBlank()) {
            event.add(new Description("To learn about: " + interview.purpose()));
        }
        event.add(ImmutableStatus.VEVENT_CONFIRMED);
        event.add(ImmutableTransp.OPAQUE);
        return event;
    }

    private static VEvent event(OpenDueItem item, Instant now) {
        String name = item.contactName() == null || item.contactName().isBlank() ? "a contact" : item.contactName();
        VEvent event = new VEvent(item.dueAt(), DUE_ITEM_SLOT, summaryOf(item.kind(), name));
        event.replace(new DtStamp(now));
        event.add(new Uid(uidOf(item)));
        event.add(new Description(reasonOf(item.kind())));
        event.add(ImmutableTransp.TRANSPARENT);
        return event;
    }

    private static String summaryOf(String kind, String name) {
        return switch (kind) {
            case "THANK_YOU" -> "Send " + name + " a thank-you";
            case "RESPONSE_NUDGE" -> "Nudge " + name + " about your request";
            case "PREPARE" -> "Prepare for the interview with " + name;
            case "KEEP_IN_TOUCH" -> "Keep in touch with " + name;
            case "COMMITMENT" -> "Keep your promise to " + name;
            default -> "Follow up with " + name;
        };
    }

    private static String reasonOf(String kind) {
        return switch (kind) {
            case "THANK_YOU" -> "A held interview is owed a thank-you.";
            case "RESPONSE_NUDGE" -> "Your request has had no answer: it deserves one polite nudge.";
            case "PREPARE" -> "Prepare your questions and research before the interview.";
            case "KEEP_IN_TOUCH" -> "It has been a while: a follow-up keeps you on their radar.";
            case "COMMITMENT" -> "You promised them something by now.";
            default -> "Due in Rapport.";
        };
    }

    private static String withOrganization(String name, String organization) {
        return organization == null || organization.isBlank() ? name : name + " (" + organization + ")";
    }

    private static String modeOf(Channel mode) {
        if (mode == null) {
            return null;
        }
        return switch (mode) {
            case EMAIL -> "Email";
            case PHONE -> "Phone call";
            case IN_PERSON -> "In person";
            case VIDEO -> "Video call";
            case SOCIAL_MESSAGE -> "Social message";
        };
    }
}
