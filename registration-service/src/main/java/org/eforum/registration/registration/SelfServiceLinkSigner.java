package org.eforum.registration.registration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eforum.registration.RegistrationSettings;
import org.springframework.stereotype.Component;

/**
 * The participant's secret link to their registration: an HMAC-SHA256 of the registration id under the
 * service's key. Nothing is stored; the link cannot be guessed from the (random) id, and checking it
 * compares in constant time.
 */
@Component
public class SelfServiceLinkSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final String baseUrl;

    public SelfServiceLinkSigner(RegistrationSettings settings) {
        this.key = new SecretKeySpec(settings.tokenSecret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.baseUrl = settings.publicBaseUrl();
    }

    public String linkFor(String registrationId) {
        return baseUrl + "/registrations/" + registrationId + "?token=" + tokenFor(registrationId);
    }

    public String tokenFor(String registrationId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(registrationId));
    }

    public boolean isValid(String registrationId, String token) {
        if (token == null || registrationId == null) {
            return false;
        }
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(registrationId), presented);
    }

    private byte[] mac(String registrationId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(("registration:" + registrationId).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
