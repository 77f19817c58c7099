package org.eforum.operations.deadletter;

import java.security.Principal;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeadLetterController {

    private final DeadLetterTopics deadLetters;
    private final Redriver redriver;

    DeadLetterController(DeadLetterTopics deadLetters, Redriver redriver) {
        this.deadLetters = deadLetters;
        this.redriver = redriver;
    }

    @GetMapping("/api/dead-letters")
    List<DeadLetter> all() {
        return deadLetters.all();
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
