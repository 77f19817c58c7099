package org.eforum.operations.web;

import java.security.Principal;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.eforum.operations.deadletter.DeadLetter;
import org.eforum.operations.deadletter.DeadLetterPage;
import org.eforum.operations.deadletter.InvalidPageException;
import org.eforum.operations.deadletter.DeadLetterTopics;
import org.eforum.operations.deadletter.Redriver;
import org.eforum.operations.outbox.OutboxProbe;
import org.eforum.operations.service.ServiceHealthProbe;
import org.eforum.operations.topic.TopicHistory;
import org.eforum.operations.topic.TopicInspector;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's pages. Each renders complete on the server (it works without JavaScript); the dashboard's small
 * script then refreshes it from the JSON API every few seconds and draws the charts.
 */
@Controller
class ConsolePages {

    private final ServiceHealthProbe services;
    private final TopicInspector topics;
    private final TopicHistory history;
    private final OutboxProbe outbox;
    private final DeadLetterTopics deadLetters;
    private final Redriver redriver;

    ConsolePages(ServiceHealthProbe services, TopicInspector topics, TopicHistory history, OutboxProbe outbox,
            DeadLetterTopics deadLetters, Redriver redriver) {
        this.services = services;
        this.topics = topics;
        this.history = history;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.redriver = redriver;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            Model model) {
        model.addAttribute("loginError", error != null);
        model.addAttribute("loggedOut", logout != null);
        return "login";
    }

    @GetMapping("/")
    String dashboard(Model model) {
        model.addAttribute("updated", LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS) + " UTC");
        model.addAttribute("services", services.all());
        try {
            model.addAttribute("topics", topics.topics().stream()
                    .map(topic -> topic.withRate(history.ratePerSecond(topic.name()))).toList());
        } catch (ErrorResponseException e) {
            model.addAttribute("topics", List.of());
            model.addAttribute("topicsError", e.getBody().getDetail());
        }
        try {
            model.addAttribute("outboxes", outbox.all());
        } catch (ErrorResponseException e) {
            model.addAttribute("outboxes", List.of());
            model.addAttribute("outboxError", e.getBody().getTitle() + ": " + e.getBody().getDetail());
        }
        return "dashboard";
    }

    @GetMapping("/dead-letters")
    String deadLetters(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + DeadLetterPage.DEFAULT_SIZE) int size, Model model) {
        try {
            model.addAttribute("letters", deadLetters.page(page, size));
        } catch (InvalidPageException e) {
            throw e;
        } catch (ErrorResponseException e) {
            model.addAttribute("letters", new DeadLetterPage(List.of(), page, size, 0, 0));
            model.addAttribute("lettersError", e.getBody().getDetail());
        }
        return "dead-letters";
    }

    @PostMapping("/dead-letters/redrive")
    String redrive(@RequestParam String id, Principal operator, RedirectAttributes redirect) {
        try {
            DeadLetter letter = redriver.redrive(id, operator.getName());
            redirect.addFlashAttribute("notice", "Re-driven " + letter.id() + " to " + letter.originalTopic() + ".");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problem", e.getBody().getTitle() + ": " + e.getBody().getDetail());
        }
        return "redirect:/dead-letters";
    }

    @PostMapping("/dead-letters/redrive-all")
    String redriveAll(Principal operator, RedirectAttributes redirect) {
        try {
            int count = redriver.redriveAll(operator.getName()).size();
            redirect.addFlashAttribute("notice", count == 1 ? "Re-driven 1 dead letter."
                    : "Re-driven " + count + " dead letters.");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problem", e.getBody().getTitle() + ": " + e.getBody().getDetail());
        }
        return "redirect:/dead-letters";
    }
}
