package app.rapport.command.networker;

import app.rapport.command.BusinessTime;
import app.rapport.command.RuleViolation;
import app.rapport.commands.networker.CreateCalendarFeed;
import app.rapport.commands.networker.EraseAccount;
import app.rapport.commands.networker.GrantMentorAccess;
import app.rapport.commands.networker.RegisterWebhook;
import app.rapport.commands.networker.RemoveWebhook;
import app.rapport.commands.networker.RevokeCalendarFeed;
import app.rapport.commands.networker.RevokeMentorAccess;
import app.rapport.commands.networker.SetProfile;
import app.rapport.events.networker.AccountErased;
import app.rapport.events.networker.CalendarFeedCreated;
import app.rapport.events.networker.CalendarFeedRevoked;
import app.rapport.events.networker.MentorAccessGranted;
import app.rapport.events.networker.MentorAccessRevoked;
import app.rapport.events.networker.ProfileSet;
import app.rapport.events.networker.WebhookRegistered;
import app.rapport.events.networker.WebhookRemoved;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The networker themself, keyed by username: their profile, the mentors they let read their
 * journal, their calendar feed and their webhooks. It comes into being with whichever of its commands arrives
 * first, because a user exists before they write anything down.
 *
 * <p>The networker id is the authenticated username, so there is no owner to check. Setting what
 * is already set, granting a standing grant and revoking an absent grant or feed are accepted
 * without a new event: these are PUT and DELETE at the HTTP edge, where repeating is expected. A
 * feed is created anew for every new token (a PUT replaces the URL); only the same token again,
 * a retried command, changes nothing.
 *
 * <p>A webhook is registered under a name; registering the name again replaces its url and events
 * and keeps the secret it was given first (endpoints verify with it), and registering it again as
 * it is changes nothing. Removing an absent webhook is accepted without a new event.
 *
 * <p>An erased account keeps only its username: its profile, grants, feed and webhooks are gone, and setting
 * them again is refused, since whatever personal data of theirs it recorded would be written as
 * erased (their key is). Revoking is still accepted without a new event: nothing stands.
 */
@Aggregate(commandTargetResolver = "expectedVersionTargetResolver")
public class Networker {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");
    /** A webhook's secret as the command side makes it: {@code whsec_} and the Base64 of 32 random bytes. */
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("whsec_[A-Za-z0-9+/]{43}=");

    /** A webhook as registered: where it posts, what, and the secret it signs with. */
    private record Webhook(String url, List<String> events, String secret) {
    }

    @AggregateIdentifier
    private String networkerId;
    private String displayName;
    private String school;
    private String program;
    private List<String> interests = List.of();
    private final Set<String> mentors = new HashSet<>();
    /** The hash of the calendar feed's token while a feed is open; null while there is none. */
    private String calendarFeedTokenHash;
    private final Map<String, Webhook> webhooks = new LinkedHashMap<>();
    private boolean erased;

    protected Networker() {
        // for Axon: the state is rebuilt from the events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetProfile command, Clock clock) {
        String asked = "set the profile of " + command.networkerId();
        requireNotErased(asked);
        BusinessTime.requireNotInFuture(command.at(), clock, asked);
        if (command.displayName() == null || command.displayName().isBlank()) {
            throw new RuleViolation("required-value-missing",
                    "Cannot %s: the display name is missing; it is required.".formatted(asked));
        }
        if (isAlreadySetTo(command)) {
            return;
        }
        apply(new ProfileSet(command.networkerId(), command.displayName(), command.school(), command.program(),
                command.interests(), command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(GrantMentorAccess command, Clock clock) {
        requireMentorNamed(command.mentor(), "grant mentor access");
        String asked = "grant mentor access";
        requireNotErased(asked);
        BusinessTime.requireNotInFuture(command.at(), clock, asked);
        if (command.mentor().equals(command.networkerId())) {
            throw new RuleViolation("mentor-is-self",
                    "Cannot %s: that is the networker's own username; a mentor is someone else."
                            .formatted(asked));
        }
        if (isMentor(command.mentor())) {
            return;
        }
        apply(new MentorAccessGranted(command.networkerId(), command.mentor(), command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RevokeMentorAccess command, Clock clock) {
        requireMentorNamed(command.mentor(), "revoke mentor access");
        String asked = "revoke mentor access";
        BusinessTime.requireNotInFuture(command.at(), clock, asked);
        if (!isMentor(command.mentor())) {
            return;
        }
        apply(new MentorAccessRevoked(command.networkerId(), command.mentor(), command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateCalendarFeed command, Clock clock) {
        String asked = "create a calendar feed for " + command.networkerId();
        requireNotErased(asked);
        BusinessTime.requireNotInFuture(command.at(), clock, asked);
        if (command.tokenHash() == null || !SHA_256_HEX.matcher(command.tokenHash()).matches()) {
            throw new RuleViolation("required-value-missing",
                    "Cannot %s: the token's hash is missing or not a SHA-256 in lower-case hex; it is required."
                            .formatted(asked));
        }
        if (isCalendarFeedOf(command.tokenHash())) {
            return;
        }
        apply(new CalendarFeedCreated(command.networkerId(), command.tokenHash(), command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RevokeCalendarFeed command, Clock clock) {
        String asked = "revoke the calendar feed of " + command.networkerId();
        BusinessTime.requireNotInFuture(command.at(), clock, asked);
        if (!hasCalendarFeed()) {
            return;
        }
        apply(new CalendarFeedRevoked(command.networkerId(), command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterWebhook command, Clock clock) {
        String asked = "register the webhook '%s'".formatted(command.name());
        requireNotErased(asked);
        BusinessTime.requireNotInFuture(command.at(), clock, asked);
        requireWebhookNamed(command.name(), asked);
        if (command.url() == null || command.url().isBlank()) {
            throw new RuleViolation("required-value-missing",
                    "Cannot %s: the url is missing; it is required.".formatted(asked));
        }
        Webhook registered = webhooks.get(command.name());
        if (registered != null) {
            if (registered.url().equals(command.url()) && registered.events().equals(command.events())) {
                return;
            }
            apply(new WebhookRegistered(command.networkerId(), command.name(), command.url(), command.events(),
                    registered.secret(), command.at()));
            return;
        }
        if (command.newSecret() == null || !WEBHOOK_SECRET.matcher(command.newSecret()).matches()) {
            throw new RuleViolation("required-value-missing",
                    "Cannot %s: a new webhook needs a secret of 32 random bytes as whsec_ and Base64; none was given."
                            .formatted(asked));
        }
        apply(new WebhookRegistered(command.networkerId(), command.name(), command.url(), command.events(),
                command.newSecret(), command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RemoveWebhook command, Clock clock) {
        String asked = "remove the webhook '%s'".formatted(command.name());
        BusinessTime.requireNotInFuture(command.at(), clock, asked);
        requireWebhookNamed(command.name(), asked);
        if (!hasWebhook(command.name())) {
            return;
        }
        apply(new WebhookRemoved(command.networkerId(), command.name(), command.at()));
    }

    /**
     * Erases the account: the feed is closed (as its own event, which the feed's readers know) and
     * {@code AccountErased} ends every grant and the profile. Not a command handler of its own:
     * {@link AccountErasure} loads the networker, asks it this, and deletes the networker's key in
     * the same unit of work. Erasing an erased account is accepted without a new event.
     */
    void erase(EraseAccount command, Clock clock) {
        if (erased) {
            return;
        }
        BusinessTime.requireNotInFuture(command.at(), clock, "erase the account of " + command.networkerId());
        if (hasCalendarFeed()) {
            apply(new CalendarFeedRevoked(command.networkerId(), command.at()));
        }
        for (String name : new ArrayList<>(webhooks.keySet())) {
            apply(new WebhookRemoved(command.networkerId(), name, command.at()));
        }
        apply(new AccountErased(command.networkerId(), command.at()));
    }

    private void requireNotErased(String asked) {
        if (erased) {
            throw new RuleViolation("account-erased",
                    ("Cannot %s: the account %s was erased; an erased account's profile, mentors, calendar feed "
                            + "and webhooks cannot be set again.").formatted(asked, networkerId));
        }
    }

    private boolean isAlreadySetTo(SetProfile command) {
        return Objects.equals(displayName, command.displayName())
                && Objects.equals(school, command.school())
                && Objects.equals(program, command.program())
                && interests.equals(command.interests());
    }

    private boolean isMentor(String mentor) {
        return mentors.contains(mentor);
    }

    private boolean hasCalendarFeed() {
        return calendarFeedTokenHash != null;
    }

    private boolean isCalendarFeedOf(String tokenHash) {
        return tokenHash.equals(calendarFeedTokenHash);
    }

    private boolean hasWebhook(String name) {
        return webhooks.containsKey(name);
    }

    private static void requireWebhookNamed(String name, String asked) {
        if (name == null || name.isBlank()) {
            throw new RuleViolation("required-value-missing",
                    "Cannot %s: the webhook's name is missing; it is required.".formatted(asked));
        }
    }

    private static void requireMentorNamed(String mentor, String asked) {
        if (mentor == null || mentor.isBlank()) {
            throw new RuleViolation("required-value-missing",
                    "Cannot %s: the mentor's username is missing; it is required.".formatted(asked));
        }
    }

    @EventSourcingHandler
    void on(ProfileSet event) {
        networkerId = event.networkerId();
        displayName = event.displayName();
        school = event.school();
        program = event.program();
        interests = event.interests();
    }

    @EventSourcingHandler
    void on(MentorAccessGranted event) {
        networkerId = event.networkerId();
        mentors.add(event.mentor());
    }

    @EventSourcingHandler
    void on(MentorAccessRevoked event) {
        mentors.remove(event.mentor());
    }

    @EventSourcingHandler
    void on(CalendarFeedCreated event) {
        networkerId = event.networkerId();
        calendarFeedTokenHash = event.tokenHash();
    }

    @EventSourcingHandler
    void on(CalendarFeedRevoked event) {
        calendarFeedTokenHash = null;
    }

    @EventSourcingHandler
    void on(WebhookRegistered event) {
        networkerId = event.networkerId();
        webhooks.put(event.name(), new Webhook(event.url(), event.events(), event.secret()));
    }

    @EventSourcingHandler
    void on(WebhookRemoved event) {
        webhooks.remove(event.name());
    }

    /** Forgets the profile and the mentors' usernames, which the erased key no longer opens in the store. */
    @EventSourcingHandler
    void on(AccountErased event) {
        networkerId = event.networkerId();
        erased = true;
        displayName = null;
        school = null;
        program = null;
        interests = List.of();
        mentors.clear();
        calendarFeedTokenHash = null;
        webhooks.clear();
    }
}
