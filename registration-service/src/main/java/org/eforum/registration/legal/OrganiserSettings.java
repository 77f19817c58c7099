package org.eforum.registration.legal;

import org.eforum.platform.startup.RefusedSetting;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who runs this E-Forum, as the privacy notice (GDPR Art. 13(1)(a), (b)) and the accessibility statement (EU
 * Directive 2016/2102, Art. 7) must name them. Only the {@code local} profile has defaults: a deployment of a public
 * body names its own controller and contact, or does not start.
 *
 * @param name                  the controller: the ministry or public body that organises the conferences
 * @param email                 where participants write about their data and about accessibility
 * @param address               the postal address
 * @param phone                 optional
 * @param dataProtectionOfficer the data protection officer's address (Art. 37), optional
 * @param supervisoryAuthority  where a complaint goes (Art. 77); in Bulgaria the Commission for Personal Data
 *                              Protection
 */
@ConfigurationProperties("eforum.organiser")
public record OrganiserSettings(String name, String email, String address, String phone, String dataProtectionOfficer,
        String supervisoryAuthority) {

    public OrganiserSettings {
        if (name == null || name.isBlank() || email == null || email.isBlank()) {
            throw new RefusedSetting("eforum.organiser", "eforum.organiser.name and eforum.organiser.email are not "
                    + "both set: the privacy notice and the accessibility statement name the organiser and how to "
                    + "reach them. Only the 'local' profile has defaults.",
                    "Set EFORUM_ORGANISER_NAME, EFORUM_ORGANISER_EMAIL and EFORUM_ORGANISER_ADDRESS.");
        }
        if (supervisoryAuthority == null || supervisoryAuthority.isBlank()) {
            supervisoryAuthority = "Commission for Personal Data Protection (КЗЛД), https://www.cpdp.bg";
        }
    }
}
