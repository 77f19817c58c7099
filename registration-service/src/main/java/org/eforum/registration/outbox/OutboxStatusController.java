package org.eforum.registration.outbox;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** For operators and the operations console: how much the outboxes still owe Kafka. */
@RestController
class OutboxStatusController {

    private final OutboxStatus status;

    OutboxStatusController(OutboxStatus status) {
        this.status = status;
    }

    @GetMapping("/api/operations/outbox")
    OutboxStatus.Report outbox() {
        return status.report();
    }
}
