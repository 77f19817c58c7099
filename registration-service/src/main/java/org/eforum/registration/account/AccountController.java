package org.eforum.registration.account;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators manage the organisers' accounts. */
@RestController
@RequestMapping(path = "/api/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountController {

    private final AccountService accounts;
    private final InvitationService invitations;

    AccountController(AccountService accounts, InvitationService invitations) {
        this.accounts = accounts;
        this.invitations = invitations;
    }

    @Operation(summary = "Create an organiser account with its first password",
            description = "The password is stored as a bcrypt hash only. The account can log in at once (HTTP Basic) "
                    + "and organises no conference until a team names it.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the account")
    @ApiResponse(responseCode = "409", description = "A stored or configured account has this username")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AccountView> create(@Valid @RequestBody AccountRequest request, Principal operator) {
        OrganiserAccount account = accounts.create(request, operator.getName());
        return ResponseEntity.created(URI.create("/api/accounts/" + account.username())).body(AccountView.of(account));
    }

    @Operation(summary = "Invite an organiser by mail",
            description = "Stores the account as INVITED (it cannot log in) and mails the address, in the language "
                    + "given, a link on which the invitee sets the password (once, until expiresAt; "
                    + "eforum.registration.invitations.validity). The mail goes through notification-service; the "
                    + "token is in no answer, and stored only as a hash. An account that is still INVITED may be "
                    + "invited again: its earlier links stop working.")
    @ApiResponse(responseCode = "201", description = "Invited; Location names the account")
    @ApiResponse(responseCode = "409", description = "An active, disabled or configured account has this username")
    @PostMapping(path = "/invitations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<InvitationView> invite(@Valid @RequestBody InvitationRequest request, Principal operator) {
        InvitationView invited = invitations.invite(request, operator.getName());
        return ResponseEntity.created(URI.create("/api/accounts/" + request.username())).body(invited);
    }

    @Operation(summary = "The stored organiser accounts (configured accounts are not listed)")
    @GetMapping
    List<AccountView> list() {
        return accounts.all().stream().map(AccountView::of).toList();
    }

    @Operation(summary = "Disable an organiser account", description = "It can no longer log in; the teams that "
            + "name it keep it, so its conferences stay with their other members.")
    @ApiResponse(responseCode = "404", description = "No stored organiser account has this username")
    @PostMapping(path = "/{username}/disable")
    AccountView disable(@PathVariable String username) {
        return AccountView.of(accounts.disable(username));
    }
}
