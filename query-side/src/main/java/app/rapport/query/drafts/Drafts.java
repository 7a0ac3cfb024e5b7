package app.rapport.query.drafts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import app.rapport.query.support.JournalConflictException;
import app.rapport.query.support.QueryNotFoundException;
import app.rapport.values.Channel;

/**
 * Writes a message from the facts of the journal, following the practice: say who you are and why
 * this person, name the minutes and keep to them, be flexible about when and how, thank them,
 * and never ask for a job. A pure function: no clock, no chance, so the same facts always give
 * the same words. The drafts add no word about jobs, positions, openings, hiring or internships;
 * what they quote from the journal (the contact's details, the purpose, the notes) is the
 * networker's own.
 *
 * <p>The draft is for the contact's preferred channel, email when none is set. Email has a
 * subject and a signature; a social message has a short signature; phone, video and in person
 * are spoken, so the body is what to say and there is neither.
 */
final class Drafts {

    private static final Channel WHEN_NO_PREFERENCE = Channel.EMAIL;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    /** Enough interests to say why this person; a long list reads as a form. */
    private static final int INTERESTS_NAMED = 3;
    /** What the journal cannot know, for the networker to write. */
    static final String WHAT_CAME_OF_IT = "[what you did with their advice, and how it went]";

    private Drafts() {
    }

    /**
     * The draft asked for.
     *
     * @param profile the networker's profile, null when none was ever set
     * @throws QueryNotFoundException for an interview this contact does not have
     * @throws JournalConflictException when the journal lacks what the draft needs or rules it out
     */
    static Draft write(DraftAsk ask, Profile profile, ContactFacts contact) {
        InterviewFacts interview = ask.kind() == DraftKind.REQUEST ? null : interviewOf(contact, ask.interviewId());
        String asked = "write a " + ask.kind().pathName() + " draft for contact " + contact.contactId();
        if (profile == null || isBlank(profile.displayName())) {
            throw new JournalConflictException("profile-missing", "Cannot " + asked
                    + ": you have no profile yet; set one (PUT /api/profile) so the message can say who you are.");
        }
        if (contact.archived()) {
            throw new JournalConflictException("contact-archived", "Cannot " + asked
                    + ": the contact is archived; restore them to get in touch again.");
        }
        Channel channel = contact.preferredChannel() != null ? contact.preferredChannel() : WHEN_NO_PREFERENCE;
        Letter letter = new Letter(channel, profile, contact);
        return switch (ask.kind()) {
            case REQUEST -> request(letter, ask.durationMinutes(), ask.purpose());
            case NUDGE -> nudge(letter, requireAwaitingAnswer(interview, asked), ask.zone());
            case THANK_YOU -> thankYou(letter, requireHeldNotThanked(interview, asked), ask.zone());
            case FOLLOW_UP -> followUp(letter, requireThanked(interview, asked), ask.zone());
        };
    }

    private static Draft request(Letter letter, int minutes, String purpose) {
        letter.introduction(whoYouAre(letter.profile));
        letter.paragraph(whyThisPerson(letter.contact, letter.profile));
        letter.paragraph("Would you have " + minutes + " minutes in the coming weeks to talk with me about "
                + phrase(purpose) + "? I will keep our conversation to " + minutes + " minutes.");
        letter.paragraph(flexibility());
        letter.paragraph("Thank you for considering it.");
        return letter.draft("Could we talk for " + minutes + " minutes?");
    }

    private static Draft nudge(Letter letter, InterviewFacts interview, ZoneId zone) {
        int minutes = interview.durationMinutes();
        letter.introduction(whoYouAre(letter.profile) + " I reached out on " + day(interview.requestedAt(), zone)
                + " to ask for " + minutes + " minutes of your time to learn about " + phrase(interview.purpose())
                + ". I know how full a calendar can be, so I am trying once more in case my message was missed.");
        letter.paragraph("The request stands: " + minutes + " minutes whenever it suits you, and I will keep to "
                + "them. " + flexibility() + " If now is not a good moment, I understand completely.");
        letter.paragraph("Thank you for considering it.");
        return letter.draft("Following up: could we talk for " + minutes + " minutes?");
    }

    private static Draft thankYou(Letter letter, InterviewFacts interview, ZoneId zone) {
        int agreed = interview.durationMinutes();
        String time = interview.actualMinutes() > agreed
                ? "You gave me even more than the " + agreed + " minutes we agreed, and I am grateful for every one."
                : "I am grateful for the " + agreed + " minutes you gave me.";
        letter.paragraph("Thank you for speaking with me on " + day(interview.heldAt(), zone) + " about "
                + phrase(interview.purpose()) + ". " + time);
        letter.paragraph(isBlank(interview.notes())
                ? "I learned a great deal from what you shared."
                : "What I am taking away from our conversation: " + sentence(interview.notes()));
        letter.paragraph("I will put your advice to use, and I would like to let you know what comes of it.");
        letter.paragraph("Thank you again for your time and your generosity.");
        return letter.draft("Thank you for our conversation");
    }

    private static Draft followUp(Letter letter, InterviewFacts interview, ZoneId zone) {
        String notes = isBlank(interview.notes()) ? ""
                : " My notes from that conversation say: " + sentence(interview.notes());
        letter.paragraph("When we spoke on " + day(interview.heldAt(), zone) + " about " + phrase(interview.purpose())
                + ", you gave me advice I have kept with me." + notes);
        letter.paragraph("I wanted you to know what came of it: " + WHAT_CAME_OF_IT + ".");
        letter.paragraph("Thank you again for your time and your advice; they made a real difference to me. "
                + "I hope all is well with you.");
        return letter.draft("What came of your advice");
    }

    // --- what the journal must hold for each kind

    private static InterviewFacts interviewOf(ContactFacts contact, UUID interviewId) {
        return contact.interview(interviewId).orElseThrow(() -> new QueryNotFoundException(
                "No interview " + interviewId + " with contact " + contact.contactId() + "."));
    }

    /** As the command side has it: one nudge, while no answer came (giving up waiting is no answer). */
    private static InterviewFacts requireAwaitingAnswer(InterviewFacts interview, String asked) {
        if (interview.nudgedAt() != null) {
            throw new JournalConflictException("nudge-already-sent", "Cannot " + asked + ": a nudge for interview "
                    + interview.interviewId() + " was sent at " + interview.nudgedAt()
                    + "; an unanswered request gets one nudge.");
        }
        if (interview.stage() == InterviewStage.CANCELLED) {
            throw new JournalConflictException("interview-cancelled", "Cannot " + asked + ": interview "
                    + interview.interviewId() + " is CANCELLED; a nudge is for a request still waiting for an answer.");
        }
        if (interview.stage() != InterviewStage.REQUESTED && interview.stage() != InterviewStage.NO_RESPONSE) {
            throw new JournalConflictException("request-already-answered", "Cannot " + asked + ": interview "
                    + interview.interviewId() + " is " + interview.stage()
                    + "; a nudge is for a request still waiting for an answer (REQUESTED or NO_RESPONSE).");
        }
        return interview;
    }

    private static InterviewFacts requireHeldNotThanked(InterviewFacts interview, String asked) {
        if (interview.stage() == InterviewStage.THANKED) {
            throw new JournalConflictException("thank-you-already-sent", "Cannot " + asked + ": interview "
                    + interview.interviewId() + " is THANKED; an interview is thanked for once.");
        }
        requireHeld(interview, asked, "a thank-you follows an interview that was held");
        return interview;
    }

    private static InterviewFacts requireThanked(InterviewFacts interview, String asked) {
        requireHeld(interview, asked, "a follow-up comes after an interview that was held and thanked for");
        if (interview.stage() != InterviewStage.THANKED) {
            throw new JournalConflictException("thank-you-not-sent", "Cannot " + asked + ": interview "
                    + interview.interviewId() + " is " + interview.stage()
                    + "; thank them first (the thank-you draft), then follow up.");
        }
        return interview;
    }

    private static void requireHeld(InterviewFacts interview, String asked, String allowed) {
        if (interview.heldAt() == null) {
            throw new JournalConflictException("interview-not-held", "Cannot " + asked + ": interview "
                    + interview.interviewId() + " is " + interview.stage() + "; " + allowed + ".");
        }
    }

    // --- the sentences

    private static String whoYouAre(Profile profile) {
        String program = clean(profile.program());
        String school = clean(profile.school());
        String studying;
        if (program != null && school != null) {
            studying = ", and I am studying " + program + " at " + school;
        } else if (program != null) {
            studying = ", and I am studying " + program;
        } else if (school != null) {
            studying = ", and I am a student at " + school;
        } else {
            studying = "";
        }
        return "My name is " + profile.displayName().strip() + studying + ".";
    }

    private static String whyThisPerson(ContactFacts contact, Profile profile) {
        List<String> sentences = new ArrayList<>();
        if (clean(contact.referrerName()) != null) {
            sentences.add(contact.referrerName().strip() + " suggested I get in touch with you.");
        }
        String work = (clean(contact.specialization()) == null ? "" : " in " + contact.specialization().strip())
                + (clean(contact.role()) == null ? "" : " as " + contact.role().strip())
                + (clean(contact.organization()) == null ? "" : " at " + contact.organization().strip());
        sentences.add(work.isEmpty()
                ? "I am reaching out because I would value your perspective."
                : "I am reaching out because of your work" + work + ".");
        List<String> interests = profile.interests().stream().map(Drafts::clean).filter(i -> i != null)
                .limit(INTERESTS_NAMED).toList();
        sentences.add(interests.isEmpty()
                ? "I would love to learn from your experience."
                : "I am exploring " + listed(interests) + ", and I would love to learn from your experience.");
        return String.join(" ", sentences);
    }

    private static String flexibility() {
        return "I am happy to fit around your schedule, and to talk by phone, by video or in person, "
                + "whichever suits you best.";
    }

    private static String day(Instant at, ZoneId zone) {
        return DAY.format(at.atZone(zone));
    }

    private static String listed(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** The networker's words inside a sentence of ours: trimmed, without their closing punctuation. */
    private static String phrase(String text) {
        return text.strip().replaceAll("[.!?;:,\\s]+$", "");
    }

    /** The networker's words as a sentence of their own: trimmed, ending as a sentence ends. */
    private static String sentence(String text) {
        String stripped = text.strip();
        return stripped.matches("(?s).*[.!?]$") ? stripped : stripped + ".";
    }

    private static String clean(String text) {
        return isBlank(text) ? null : text.strip();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** Greeting, paragraphs and signature, in the manner of the channel. */
    private static final class Letter {

        private final Channel channel;
        private final Profile profile;
        private final ContactFacts contact;
        private final List<String> paragraphs = new ArrayList<>();
        private boolean introduced;

        Letter(Channel channel, Profile profile, ContactFacts contact) {
            this.channel = channel;
            this.profile = profile;
            this.contact = contact;
        }

        void paragraph(String text) {
            paragraphs.add(text);
        }

        /** A paragraph that says who the networker is. */
        void introduction(String text) {
            paragraphs.add(text);
            introduced = true;
        }

        Draft draft(String subject) {
            List<String> parts = new ArrayList<>();
            parts.add(greeting());
            parts.addAll(paragraphs);
            String signature = signature();
            if (signature != null) {
                parts.add(signature);
            }
            return new Draft(channel, channel == Channel.EMAIL ? subject : null, String.join("\n\n", parts));
        }

        private String greeting() {
            String name = clean(contact.name());
            String salutation = switch (channel) {
                case EMAIL -> "Dear";
                case SOCIAL_MESSAGE -> "Hi";
                case PHONE, VIDEO, IN_PERSON -> "Hello";
            };
            String greeting = name == null ? salutation + "," : salutation + " " + name + ",";
            // spoken words have no signature: the listener must hear who is speaking
            return isSpoken() && !introduced ? greeting + " this is " + profile.displayName().strip() + "." : greeting;
        }

        private boolean isSpoken() {
            return channel == Channel.PHONE || channel == Channel.VIDEO || channel == Channel.IN_PERSON;
        }

        private String signature() {
            String name = profile.displayName().strip();
            return switch (channel) {
                case EMAIL -> "Best regards,\n" + name + affiliation();
                case SOCIAL_MESSAGE -> "Best,\n" + name;
                case PHONE, VIDEO, IN_PERSON -> null;
            };
        }

        private String affiliation() {
            String program = clean(profile.program());
            String school = clean(profile.school());
            if (program == null && school == null) {
                return "";
            }
            return "\n" + (program == null ? school : school == null ? program : program + ", " + school);
        }
    }
}
