/**
 * Test fixture shared by core, CLI and plugin tests (shipped in the core test-jar): real peers
 * on free 127.0.0.1 ports and in-process certificates.
 *
 * <ul>
 *   <li>{@link io.rdphealth.testing.TestPki} / {@link io.rdphealth.testing.CertificateSpec} /
 *       {@link io.rdphealth.testing.MintedCertificate}: certificates with any validity window,
 *       key, signature, EKU, chain; PEM files xrdp and FreeRDP read.</li>
 *   <li>{@link io.rdphealth.testing.XrdpServer}: a real xrdp with a generated xrdp.ini.</li>
 *   <li>{@link io.rdphealth.testing.ShadowServer}: a real freerdp-shadow-cli (NLA/TLS/RDP) under
 *       the JVM's {@link io.rdphealth.testing.SharedXvfb}.</li>
 *   <li>{@link io.rdphealth.testing.HostilePeer}: scripted misbehaving peers (test double: no real
 *       server misbehaves on demand); {@link io.rdphealth.testing.DelayingProxy}: latency.</li>
 *   <li>{@link io.rdphealth.testing.RawX224Client}: a minimal X.224/TLS/NTLM client for fixture
 *       tests, independent of the production probe.</li>
 * </ul>
 *
 * Every server is {@link java.lang.AutoCloseable}; use try-with-resources. Processes a test does
 * not close die with the JVM (shutdown hook) and even when the JVM is SIGKILLed (watchdog).
 */
package io.rdphealth.testing;
