package org.eforum.registration.registration;

import java.util.List;

/**
 * What approving or declining many registrations did: {@code done} the registrations as they are now, in the
 * order given; {@code skipped} the others, each with its reason ({@code not-pending}, {@code unknown} or
 * {@code busy}).
 */
public record BulkModerationView(List<RegistrationView> done, List<Moderated.Skipped> skipped) {

    static BulkModerationView of(Moderated moderated) {
        return new BulkModerationView(moderated.done().stream().map(RegistrationView::of).toList(),
                moderated.skipped());
    }
}
