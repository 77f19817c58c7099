package org.eforum.operations.topic;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TopicController {

    private final TopicInspector inspector;
    private final TopicHistory history;

    TopicController(TopicInspector inspector, TopicHistory history) {
        this.inspector = inspector;
        this.history = history;
    }

    @GetMapping("/api/topics")
    List<TopicView> topics() {
        return inspector.topics().stream().map(topic -> topic.withRate(history.ratePerSecond(topic.name()))).toList();
    }

    @GetMapping("/api/topics/history")
    TopicHistory.Snapshot history(@RequestParam(required = false) String topic) {
        return history.snapshot(topic);
    }
}
