package org.eforum.platform.startup;

/**
 * Thrown while the context starts when a setting the app cannot run safely without is missing or unsafe (no
 * accounts, a password that is not hashed, a short secret). {@link RefusedSettingFailureAnalyzer} turns it into a
 * readable start-up report, so an operator sees the property to set, not a page of bean-creation causes.
 */
public class RefusedSetting extends IllegalStateException {

    private final String property;
    private final String problem;
    private final String action;

    /**
     * @param property the configuration property at fault, e.g. {@code eforum.security.accounts[0].password}
     * @param problem  what is wrong with it, in a sentence that names the property
     * @param action   what to set instead, naming the environment variable where there is one
     */
    public RefusedSetting(String property, String problem, String action) {
        super(problem + " " + action);
        this.property = property;
        this.problem = problem;
        this.action = action;
    }

    public String property() {
        return property;
    }

    public String problem() {
        return problem;
    }

    public String action() {
        return action;
    }
}
