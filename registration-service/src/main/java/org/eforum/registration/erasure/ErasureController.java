package org.eforum.registration.erasure;

import java.security.Principal;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ErasureController {

    private final ErasureService erasures;

    ErasureController(ErasureService erasures) {
        this.erasures = erasures;
    }

    /** 202: this service has forgotten the person; the directory and the mail log follow through the event. */
    @PostMapping(path = "/api/erasures", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    ErasureService.ErasureResult erase(@Valid @RequestBody ErasureRequest request, Principal caller) {
        return erasures.erase(request.email(), caller.getName());
    }
}
