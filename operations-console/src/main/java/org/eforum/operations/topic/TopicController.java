package org.eforum.operations.topic;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TopicController {

    private final TopicInspector inspector;

    TopicController(TopicInspector inspector) {
        this.inspector = inspector;
    }

    @GetMapping("/api/topics")
    List<TopicView> topics() {
        return inspector.topics();
    }
}
