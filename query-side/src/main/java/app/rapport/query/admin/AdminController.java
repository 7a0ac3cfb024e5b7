package app.rapport.query.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import app.rapport.platform.openapi.ApiTags;
import app.rapport.query.support.BadQueryParameterException;
import app.rapport.platform.axon.ProcessingGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operating the read models: rebuilding them, and seeing and retrying the events a projection
 * could not handle. Admin users only: the platform's security configuration guards {@code /api/admin/**}.
 */
@Tag(name = ApiTags.ADMINISTRATION)
@RestController
class AdminController {

    record ReplayStarted(List<String> processors) {
    }

    /** One parked event and why. */
    record Letter(String eventId, String type, String aggregateId, Long sequenceNumber, String cause,
                  Instant enqueuedAt, Instant lastTouched) {
    }

    record GroupLetters(String group, long sequences, long letters, List<Letter> deadLetters) {
    }

    record Retried(String group, int sequencesProcessed, long lettersLeft) {
    }

    private final Replays replays;
    private final EventProcessingConfiguration processing;
    private final ProcessingGroups groups;

    AdminController(Replays replays, EventProcessingConfiguration processing, ProcessingGroups groups) {
        this.replays = replays;
        this.processing = processing;
        this.groups = groups;
    }

    @Operation(operationId = "startReplay", summary = "Replay read models",
            description = "Rebuilds one processor's read model (or all) from the event store beside the live one, "
                    + "which is switched when caught up; users never see a partial journal. The audit trail and "
                    + "the webhooks are replayed in place. Administrators only.")
    @ApiResponse(responseCode = "202", description = "The replay started.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReplayStarted.class)))
    @ApiResponse(responseCode = "409", description = "A rebuild is still running; ask again when it has caught up.")
    @Parameter(name = "processor", description = "The processor to replay; all without it.")
    @PostMapping("/api/admin/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReplayStarted replay(@RequestParam(required = false) String processor) {
        return new ReplayStarted(replays.replay(processor));
    }

    /** Each processor's position against the head of the store: a replay is done when all caught up. */
    @Operation(operationId = "findReplayStatus", summary = "Follow replays",
            description = "Each processor's position against the head of the store: a replay is done when all "
                    + "caught up. Administrators only.")
    @GetMapping("/api/admin/replay")
    List<Replays.Status> replayStatus() {
        return replays.status();
    }

    @Operation(operationId = "findDeadLetters", summary = "List dead letters",
            description = "Events a processor failed to handle, by processing group, with the cause. Administrators "
                    + "only.")
    @GetMapping("/api/admin/dead-letters")
    List<GroupLetters> deadLetters() {
        List<GroupLetters> letters = new ArrayList<>();
        for (String group : groups.names()) {
            processing.deadLetterQueue(group).ifPresent(queue -> letters.add(lettersOf(group, queue)));
        }
        return letters;
    }

    /** Processes every parked sequence of the group once; those that fail again stay parked. */
    @Operation(operationId = "retryDeadLetters", summary = "Retry a group's dead letters",
            description = "Hands a processing group's dead letters to its handlers again; a group without a queue "
                    + "is 400. Administrators only.")
    @Parameter(name = "group", description = "The processing group whose letters are retried.")
    @PostMapping("/api/admin/dead-letters/retry")
    Retried retry(@RequestParam(required = false) String group) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queueOf(group);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> noQueue(group));
        long sequences = queue.amountOfSequences();
        int processed = 0;
        for (long i = 0; i < sequences; i++) {
            if (processor.processAny()) {
                processed++;
            }
        }
        return new Retried(group, processed, queue.size());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queueOf(String group) {
        if (group == null) {
            throw new BadQueryParameterException("group", "is required; use one of " + groups.names());
        }
        return processing.deadLetterQueue(group).orElseThrow(() -> noQueue(group));
    }

    private BadQueryParameterException noQueue(String group) {
        return new BadQueryParameterException("group",
                "'" + group + "' has no dead-letter queue; use one of " + groups.names());
    }

    private static GroupLetters lettersOf(String group, SequencedDeadLetterQueue<EventMessage<?>> queue) {
        List<Letter> letters = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                EventMessage<?> message = letter.message();
                DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
                letters.add(new Letter(message.getIdentifier(), message.getPayloadType().getSimpleName(),
                        domain == null ? null : domain.getAggregateIdentifier(),
                        domain == null ? null : domain.getSequenceNumber(),
                        letter.cause().map(cause -> cause.type() + ": " + cause.message()).orElse(null),
                        letter.enqueuedAt(), letter.lastTouched()));
            }
        }
        return new GroupLetters(group, queue.amountOfSequences(), queue.size(), letters);
    }
}
