package org.eforum.operations.outbox;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OutboxController {

    private final OutboxProbe probe;

    OutboxController(OutboxProbe probe) {
        this.probe = probe;
    }

    /** Every outbox's pending documents and the age of the oldest, as the services report them. */
    @GetMapping("/api/outbox")
    List<OutboxView> outbox() {
        return probe.all();
    }
}
