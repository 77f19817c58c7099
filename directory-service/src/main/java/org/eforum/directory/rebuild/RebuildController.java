package org.eforum.directory.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** For operators (see the security configuration): start a rebuild from the log, and follow its progress. */
@RestController
class RebuildController {

    private final DirectoryRebuild rebuild;

    RebuildController(DirectoryRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** 202: the directory is empty and the replay has started; {@code GET} the same path until {@code complete}. */
    @PostMapping("/api/directory/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DirectoryRebuild.RebuildStatus rebuild() {
        return rebuild.rebuild();
    }

    @GetMapping("/api/directory/rebuild")
    DirectoryRebuild.RebuildStatus status() {
        return rebuild.status();
    }
}
