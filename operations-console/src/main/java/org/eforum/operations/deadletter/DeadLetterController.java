package org.eforum.operations.deadletter;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeadLetterController {

    private final DeadLetterTopics deadLetters;
    private final Redriver redriver;

    DeadLetterController(DeadLetterTopics deadLetters, Redriver redriver) {
        this.deadLetters = deadLetters;
        this.redriver = redriver;
    }

    /**
     * A page of dead letters, newest first (the body stays a plain list); {@code X-Total-Count} counts them all and
     * {@code Link} names the next and previous pages.
     */
    @GetMapping("/api/dead-letters")
    ResponseEntity<List<DeadLetter>> page(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + DeadLetterPage.DEFAULT_SIZE) int size) {
        DeadLetterPage letters = deadLetters.page(page, size);
        List<String> links = new ArrayList<>();
        if (letters.hasNext()) {
            links.add("</api/dead-letters?page=" + (page + 1) + "&size=" + size + ">; rel=\"next\"");
        }
        if (letters.hasPrevious()) {
            links.add("</api/dead-letters?page=" + (page - 1) + "&size=" + size + ">; rel=\"prev\"");
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header("X-Total-Count", Long.toString(letters.total()));
        if (!links.isEmpty()) {
            answer.header(HttpHeaders.LINK, String.join(", ", links));
        }
        return answer.body(letters.letters());
    }

    @PostMapping("/api/dead-letters/{id}/redrive")
    DeadLetter redrive(@PathVariable String id, Principal operator) {
        return redriver.redrive(id, operator.getName());
    }

    @PostMapping("/api/dead-letters/redrive")
    List<DeadLetter> redriveAll(Principal operator) {
        return redriver.redriveAll(operator.getName());
    }
}
