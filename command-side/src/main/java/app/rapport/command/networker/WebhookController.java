package app.rapport.command.networker;

import app.rapport.command.dispatch.Acting;
import app.rapport.command.dispatch.Answers;
import app.rapport.command.dispatch.CommandAnswer;
import app.rapport.command.dispatch.CommandDispatcher;
import app.rapport.command.dispatch.IfMatch;
import app.rapport.command.dispatch.StreamState;
import app.rapport.commands.networker.RegisterWebhook;
import app.rapport.commands.networker.RemoveWebhook;
import app.rapport.events.networker.WebhookRegistered;
import app.rapport.platform.web.FieldError;
import app.rapport.platform.web.ProblemResponses;
import app.rapport.platform.webhooks.EventTypeNames;
import app.rapport.platform.webhooks.WebhookAddress;
import app.rapport.platform.openapi.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The acting user's webhooks: registered, changed and removed here; listed, with their delivery
 * state, and delivered by the query side.
 * <p>
 * The URL is checked here, before anything is recorded, by resolving its host and refusing it
 * when any address is not public (the query side checks again at every delivery, since names
 * resolve anew). The secret of a new webhook is made here and answered once; the aggregate keeps
 * the first secret when a name is registered again, and the answer shows a secret only when the
 * event this request recorded carries the one made for it.
 */
@RestController
@Validated
@Tag(name = ApiTags.WEBHOOKS)
class WebhookController {

    static final String NAME = "[A-Za-z0-9._-]{1,64}";
    static final int MOST_EVENTS = 100;
    private static final int SECRET_BYTES = 32;

    private final CommandDispatcher commands;
    private final Acting acting;
    private final EventStore eventStore;
    private final WebhookSettings settings;
    private final SecureRandom random = new SecureRandom();
    private WebhookAddress.Resolver resolver = WebhookAddress.SYSTEM;

    WebhookController(CommandDispatcher commands, Acting acting, EventStore eventStore, WebhookSettings settings) {
        this.commands = commands;
        this.acting = acting;
        this.eventStore = eventStore;
        this.settings = settings;
    }

    /** For tests that give host names their own addresses. */
    void resolveWith(WebhookAddress.Resolver resolver) {
        this.resolver = resolver;
    }

    @Operation(operationId = "registerWebhook", summary = "Register a webhook, or change one",
            description = "Posts the caller's events to `url` from now on, signed the Standard Webhooks way. The url "
                    + "must be https and every address of its host public (loopback only where local development "
                    + "allows it); `events` names event types, empty for all. A new name answers 201 with the "
                    + "signing secret, shown this once; an existing name has its url and events replaced, keeps its "
                    + "secret and answers 200 without it.")
    @ApiResponse(responseCode = "201", description = "the webhook was created; the answer carries its secret, once")
    @ApiResponse(responseCode = "200", description = "the webhook existed: its url and events are replaced, its secret kept")
    @PutMapping("/api/webhooks/{name}")
    ResponseEntity<WebhookAnswer> register(@Parameter(description = "the webhook's name, letters, digits, '.', '_' "
                                                   + "and '-', up to 64") @PathVariable @Pattern(regexp = NAME) String name,
                                           @Valid @RequestBody WebhookRequest request) throws RefusedRegistration {
        try {
            WebhookAddress.check(request.url(), settings.allowLoopback(), resolver);
        } catch (WebhookAddress.Refused refused) {
            throw new RefusedRegistration("url", "The url " + refused.getMessage() + ".");
        }
        if (request.events().size() > MOST_EVENTS) {
            throw new RefusedRegistration("events", "At most " + MOST_EVENTS + " event types are named; "
                    + request.events().size() + " were.");
        }
        for (int i = 0; i < request.events().size(); i++) {
            if (!EventTypeNames.isKnown(request.events().get(i))) {
                throw new RefusedRegistration("events[" + i + "]", "'" + request.events().get(i)
                        + "' is not the name of an event type (such as ContactAdded).");
            }
        }
        String me = acting.owner();
        String secret = newSecret();
        StreamState state = commands.send(new RegisterWebhook(me, name, request.url(), request.events(), secret,
                acting.atOrNow(null)), null);
        boolean created = recordedSecret(me, state).filter(secret::equals).isPresent();
        WebhookAnswer answer = new WebhookAnswer(name, request.url(), request.events(), created ? secret : null, me,
                state.version(), state.position());
        ResponseEntity.BodyBuilder status = ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .eTag(IfMatch.etag(state.version()));
        if (created) {
            // the list that shows it (on the query side): a single webhook has no resource of its own to GET
            status.location(ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/webhooks").build().toUri());
        }
        return status.body(answer);
    }

    @Operation(operationId = "removeWebhook", summary = "Remove a webhook",
            description = "Deliveries to the webhook stop. Removing a name that has no webhook changes nothing and "
                    + "answers 200 as well.")
    @DeleteMapping("/api/webhooks/{name}")
    ResponseEntity<CommandAnswer> remove(@Parameter(description = "the webhook's name")
                                         @PathVariable @Pattern(regexp = NAME) String name) {
        String me = acting.owner();
        StreamState state = commands.send(new RemoveWebhook(me, name, acting.atOrNow(null)), null);
        return Answers.ok(CommandAnswer.forNetworker(me, state));
    }

    @ExceptionHandler(RefusedRegistration.class)
    ResponseEntity<ProblemDetail> refused(RefusedRegistration refused) {
        return ResponseEntity.badRequest().body(ProblemResponses.invalid(refused.getMessage(),
                List.of(new FieldError(refused.field, refused.getMessage()))));
    }

    private String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        random.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** The secret of the event at the command's version, if that is a registration. */
    private java.util.Optional<String> recordedSecret(String me, StreamState state) {
        if (state.version() == 0) {
            return java.util.Optional.empty();
        }
        DomainEventStream stream = eventStore.readEvents(me, state.version() - 1);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getSequenceNumber() == state.version() - 1
                    && event.getPayload() instanceof WebhookRegistered registered) {
                return java.util.Optional.ofNullable(registered.secret());
            }
        }
        return java.util.Optional.empty();
    }

    /** A registration refused before any command: a URL or an event name that breaks the rules. */
    static final class RefusedRegistration extends Exception {
        private final String field;

        RefusedRegistration(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
