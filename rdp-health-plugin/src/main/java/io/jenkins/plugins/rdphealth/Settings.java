package io.jenkins.plugins.rdphealth;

import hudson.util.FormValidation;
import io.rdphealth.policy.Gate;
import java.util.regex.Pattern;

/** Parameter checks shared by the steps, the global configuration and their forms. */
final class Settings {
    /** An id is part of a URL and of a file name in the build folder. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private Settings() {
    }

    static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
        return value;
    }

    static String id(String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException("id '" + value + "' must be 1 to 64 lower-case letters, digits, '-' or '_',"
                    + " starting with a letter or digit (it names the results' URL and file)");
        }
        return value;
    }

    /** Either settings; the step's own value wins over the global default. */
    static int pick(Integer stepValue, int globalValue) {
        return stepValue != null ? stepValue : globalValue;
    }

    static String pick(String stepValue, String globalValue) {
        return stepValue != null && !stepValue.isBlank() ? stepValue : globalValue;
    }

    static FormValidation checkThresholds(String failOn, String unstableOn) {
        try {
            Gate.parse(failOn, unstableOn);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static FormValidation checkPositive(String name, String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        try {
            positive(name, Integer.parseInt(value.strip()));
            return FormValidation.ok();
        } catch (NumberFormatException e) {
            return FormValidation.error(name + " must be a whole number, was '" + value + "'");
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
