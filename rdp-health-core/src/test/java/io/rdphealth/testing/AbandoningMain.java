package io.rdphealth.testing;

/**
 * Run in a child JVM by {@link FixtureCleanupTest}: starts servers, prints their pids and then
 * abandons them (never calls close), either exiting normally ({@code exit}) or waiting to be
 * SIGKILLed ({@code wait}).
 */
final class AbandoningMain {
    private AbandoningMain() {
    }

    public static void main(String[] args) throws Exception {
        XrdpServer xrdp = XrdpServer.builder().fork(true).start();
        ShadowServer shadow = ShadowServer.builder().security(ShadowServer.Security.TLS).start();
        RawX224Client.negotiate(xrdp.port(), 1); // a forked xrdp child exists for a moment too
        System.out.println(xrdp.pid() + " " + shadow.pid() + " " + SharedXvfb.pid());
        System.out.flush();
        if ("exit".equals(args[0])) {
            System.exit(0);
        }
        Thread.sleep(60_000);
    }
}
