package org.eforum.registration.message;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.eforum.registration.conference.Conference;
import org.eforum.registration.conference.TeamAccess;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The organisers' messages to a conference's participants: send one, list those sent. */
@RestController
class MessageController {

    private static final String NOT_IN_TEAM = "The caller is an organiser outside the conference's team";

    private final TeamAccess team;
    private final MessageService messages;

    MessageController(TeamAccess team, MessageService messages) {
        this.team = team;
        this.messages = messages;
    }

    @Operation(summary = "Write to the conference's participants", description = "audience is ALL (confirmed and "
            + "waitlisted), CONFIRMED or WAITLISTED; cancelled registrations never get a message. subject and body "
            + "are maps by language with a text in every language of the conference and in no other; each "
            + "participant is mailed once, in their language (through a participant-messaged event per recipient). "
            + "The answer names the number of recipients.")
    @ApiResponse(responseCode = "201", description = "Stored and handed to every recipient; Location names it")
    @ApiResponse(responseCode = "400", description = "A field is missing or invalid (errors name subject.en, ...)")
    @ApiResponse(responseCode = "403", description = NOT_IN_TEAM)
    @PostMapping(path = "/api/conferences/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MessageView> send(@PathVariable String id, @Valid @RequestBody MessageRequest request,
            Authentication caller) {
        Conference conference = team.managed(id, caller);
        MessageService.Sent sent = messages.send(conference, request, UUID.randomUUID().toString(), caller.getName());
        return ResponseEntity.created(URI.create("/api/conferences/" + id + "/messages/" + sent.message().id()))
                .body(MessageView.of(sent.message()));
    }

    @Operation(summary = "One message sent to the conference's participants")
    @ApiResponse(responseCode = "403", description = NOT_IN_TEAM)
    @ApiResponse(responseCode = "404", description = "No such conference, or no such message of it")
    @GetMapping(path = "/api/conferences/{id}/messages/{messageId}", produces = MediaType.APPLICATION_JSON_VALUE)
    MessageView one(@PathVariable String id, @PathVariable String messageId, Authentication caller) {
        return messages.find(team.managed(id, caller), messageId).map(MessageView::of)
                .orElseThrow(() -> new MessageNotFoundException(messageId));
    }

    @Operation(summary = "The messages sent to the conference's participants, newest first")
    @ApiResponse(responseCode = "403", description = NOT_IN_TEAM)
    @GetMapping(path = "/api/conferences/{id}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    List<MessageView> list(@PathVariable String id, Authentication caller) {
        return messages.of(team.managed(id, caller)).stream().map(MessageView::of).toList();
    }
}
