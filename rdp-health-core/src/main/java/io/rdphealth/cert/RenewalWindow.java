package io.rdphealth.cert;

/**
 * How many days before expiry a certificate is renewed: 0 (only when expired or broken) to ten
 * years. One rule for the library's requests, the CLI and the Jenkins step.
 */
public final class RenewalWindow {
    public static final int MAX_DAYS = 3650;

    private RenewalWindow() {
    }

    /**
     * @param name how the caller's user knows the value ({@code --renew-within}, {@code renewWithinDays})
     * @return {@code days} when it is 0..{@value #MAX_DAYS}
     */
    public static int requireDays(int days, String name) {
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException(name + " must be 0.." + MAX_DAYS + " days, was " + days);
        }
        return days;
    }
}
