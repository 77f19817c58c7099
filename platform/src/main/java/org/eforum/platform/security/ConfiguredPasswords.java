package org.eforum.platform.security;

import java.util.regex.Pattern;

import org.eforum.platform.startup.RefusedSetting;

/**
 * How an account's configured password becomes what Spring Security's {@code DelegatingPasswordEncoder} checks.
 * Outside the {@code local} profile only a well-formed {@code {bcrypt}} or {@code {argon2}} hash is accepted:
 * a plain or {@code {noop}} password in a deployment's configuration is a password anyone with the file can use.
 */
final class ConfiguredPasswords {

    static final String HOW_TO_HASH = "Make a bcrypt hash with `htpasswd -bnBC 10 \"\" 'the password' | tr -d ':\\n'` "
            + "and set it with the {bcrypt} prefix, e.g. {bcrypt}$2y$10$…; in a compose .env file put it in single "
            + "quotes, or compose reads each '$' as the start of a variable.";

    // The shapes BCryptPasswordEncoder and Argon2PasswordEncoder read; anything else could never match a login.
    private static final Pattern BCRYPT = Pattern.compile("\\{bcrypt}\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}");
    private static final Pattern ARGON2 = Pattern.compile(
            "\\{argon2}\\$argon2(id|i|d)\\$v=\\d+\\$m=\\d+,t=\\d+,p=\\d+\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+");

    private ConfiguredPasswords() {
    }

    /**
     * @param property where the password was configured, for the refusal's message
     * @param local    whether the {@code local} profile is active: there plain text is taken as {@code {noop}}
     */
    static String storedForm(String property, String password, boolean local) {
        if (local) {
            return password.startsWith("{") ? password : "{noop}" + password;
        }
        if (BCRYPT.matcher(password).matches() || ARGON2.matcher(password).matches()) {
            return password;
        }
        if (password.startsWith("{bcrypt}") || password.startsWith("{argon2}")) {
            throw new RefusedSetting(property, property + " starts with " + password.substring(0, password.indexOf('}') + 1)
                    + " but is not a whole hash (a '$' taken for a variable by a shell or by compose?).", HOW_TO_HASH);
        }
        throw new RefusedSetting(property, property + " is not a hashed password: outside the 'local' profile an "
                + "account's password must be a {bcrypt} or {argon2} hash, never plain text or {noop}.", HOW_TO_HASH);
    }
}
