package org.eforum.operations.service;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ServiceHealthController {

    private final ServiceHealthProbe probe;

    ServiceHealthController(ServiceHealthProbe probe) {
        this.probe = probe;
    }

    @GetMapping("/api/services")
    List<ServiceHealth> services() {
        return probe.all();
    }
}
