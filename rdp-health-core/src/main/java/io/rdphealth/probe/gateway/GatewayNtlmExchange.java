package io.rdphealth.probe.gateway;

import io.rdphealth.evidence.ExchangeFailure;
import io.rdphealth.evidence.GatewayHandshake;
import io.rdphealth.evidence.GatewayNtlm;
import io.rdphealth.probe.net.FailureClassifier;
import io.rdphealth.probe.tls.TlsChannel;
import io.rdphealth.wire.HttpNtlmToken;
import io.rdphealth.wire.MalformedPduException;
import io.rdphealth.wire.NtlmAuthenticate;
import io.rdphealth.wire.NtlmChallenge;
import io.rdphealth.wire.NtlmCodec;
import io.rdphealth.wire.NtlmServerChallenge;
import io.rdphealth.wire.RdgHttpCodec;
import io.rdphealth.wire.RdgHttpResponse;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * NTLM over HTTP with an RD Gateway, on one TLS connection (NTLM authenticates the connection,
 * so every message of one handshake must use the same one): {@code RDG_OUT_DATA} with
 * {@code Authorization: <scheme> <NEGOTIATE>}, the 401 carrying the CHALLENGE (decoded for the
 * evidence), and, with a password, the same request with the NTLMv2 AUTHENTICATE. Between the two
 * the 401's body is read and dropped, bounded by {@link #MAX_BODY_BYTES}. Every read is bounded by
 * the connection's read timeout and the probe's deadline.
 */
final class GatewayNtlmExchange {
    /** Largest 401 body read and dropped to reuse the connection (IIS sends about 1 KiB of HTML). */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** The credential-free step, and the authenticated request when a password was given. */
    record Result(GatewayNtlm ntlm, GatewayHandshake authenticated) {
    }

    private final SecureRandom random;
    private final Clock clock;

    GatewayNtlmExchange(SecureRandom random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** {@code password} may be {@code null}: then only NEGOTIATE/CHALLENGE. */
    Result run(TlsChannel channel, String hostHeader, String scheme, GatewayCredentials.Password password) {
        String connectionId = "{" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT) + "}";
        long start = System.nanoTime();
        int[] received = {0};
        RdgHttpResponse response;
        try {
            send(channel, hostHeader, connectionId, HttpNtlmToken.authorization(scheme, NtlmCodec.negotiate()));
            response = GatewayProbe.readHead(channel.in(), received);
        } catch (IOException | MalformedPduException | RuntimeException e) {
            ExchangeFailure failure = FailureClassifier.exchangeFailure(e, received[0], millisSince(start));
            GatewayHandshake negotiate = new GatewayHandshake(GatewayHandshake.Variant.HTTP, scheme, null, null, List.of(), null,
                    failure, null, millisSince(start));
            return new Result(new GatewayNtlm(scheme, negotiate, null, failure), notSent(password, scheme, "no NTLM CHALLENGE: " + failure.detail()));
        }
        GatewayHandshake negotiate = answered(scheme, response, start);
        NtlmChallenge names;
        NtlmServerChallenge material;
        try {
            if (response.status() != 401) {
                throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "the gateway answered the NTLM NEGOTIATE with HTTP "
                        + response.status() + " " + response.reason() + ", not 401 with a CHALLENGE");
            }
            byte[] message = HttpNtlmToken.fromChallenge(response, scheme);
            names = NtlmCodec.decodeChallenge(message);
            material = NtlmCodec.serverChallenge(message);
        } catch (MalformedPduException e) {
            ExchangeFailure failure = FailureClassifier.exchangeFailure(e, received[0], millisSince(start));
            return new Result(new GatewayNtlm(scheme, negotiate, null, failure), notSent(password, scheme, "no usable NTLM CHALLENGE: " + failure.detail()));
        }
        GatewayNtlm ntlm = new GatewayNtlm(scheme, negotiate, names, null);
        if (password == null) {
            return new Result(ntlm, null);
        }
        long remaining;
        try {
            remaining = bodyToDrop(response, received[0] - response.headBytes());
        } catch (MalformedPduException e) {
            return new Result(ntlm, GatewayHandshake.notSent(GatewayHandshake.Variant.HTTP, scheme, e.getMessage()));
        }
        return new Result(ntlm, authenticate(channel, hostHeader, connectionId, scheme, password, material, remaining));
    }

    private GatewayHandshake authenticate(TlsChannel channel, String hostHeader, String connectionId, String scheme,
            GatewayCredentials.Password password, NtlmServerChallenge challenge, long bodyToDrop) {
        long start = System.nanoTime();
        int[] received = {0};
        try {
            drop(channel.in(), bodyToDrop);
            byte[] clientChallenge = new byte[8];
            random.nextBytes(clientChallenge);
            char[] secret = password.password();
            byte[] message;
            try {
                message = NtlmAuthenticate.forPassword(challenge, password.domain(), password.user(), secret, clientChallenge, "",
                        clock.instant());
            } finally {
                Arrays.fill(secret, '\0');
            }
            send(channel, hostHeader, connectionId, HttpNtlmToken.authorization(scheme, message));
            return answered(scheme, GatewayProbe.readHead(channel.in(), received), start);
        } catch (IOException | MalformedPduException | RuntimeException e) {
            return new GatewayHandshake(GatewayHandshake.Variant.HTTP, scheme, null, null, List.of(), null,
                    FailureClassifier.exchangeFailure(e, received[0], millisSince(start)), null, millisSince(start));
        }
    }

    /**
     * How many body bytes of the CHALLENGE's 401 are still to come, given {@code alreadyRead} past
     * the head. Throws, naming why, when the connection cannot carry the AUTHENTICATE.
     */
    static long bodyToDrop(RdgHttpResponse response, int alreadyRead) throws MalformedPduException {
        String connection = response.header("Connection").orElse("").toLowerCase(Locale.ROOT);
        if (connection.contains("close")) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                    "the gateway closes the connection after its CHALLENGE (Connection: close); NTLM needs the AUTHENTICATE on the same connection");
        }
        if (response.header("Transfer-Encoding").isPresent()) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                    "the CHALLENGE's 401 has a Transfer-Encoding body, which the probe does not read: AUTHENTICATE not sent");
        }
        String length = response.header("Content-Length").orElse(null);
        if (length == null || !length.matches("[0-9]{1,9}")) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                    "the CHALLENGE's 401 has no usable Content-Length ('" + length + "'): its end cannot be found to reuse the connection");
        }
        long bodyLength = Long.parseLong(length);
        if (bodyLength > MAX_BODY_BYTES) {
            throw new MalformedPduException(MalformedPduException.Kind.TOO_LARGE,
                    "the CHALLENGE's 401 announces a " + bodyLength + "-byte body, more than the " + MAX_BODY_BYTES + " the probe reads");
        }
        if (alreadyRead > bodyLength) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                    "the gateway sent " + alreadyRead + " bytes after a 401 head announcing " + bodyLength);
        }
        return bodyLength - alreadyRead;
    }

    private static void drop(InputStream in, long count) throws IOException {
        byte[] sink = new byte[(int) Math.min(count, 8192)];
        long left = count;
        while (left > 0) {
            int n = in.read(sink, 0, (int) Math.min(left, sink.length));
            if (n < 0) {
                throw new EOFException("the gateway closed the connection inside the CHALLENGE's 401 body");
            }
            left -= n;
        }
    }

    private static void send(TlsChannel channel, String hostHeader, String connectionId, String authorization) throws IOException {
        channel.out().write(RdgHttpCodec.outChannelRequest(hostHeader, connectionId, authorization, null));
        channel.out().flush();
    }

    private static GatewayHandshake answered(String scheme, RdgHttpResponse response, long start) {
        return new GatewayHandshake(GatewayHandshake.Variant.HTTP, scheme, response.status(), response.reason(), response.authSchemes(),
                response.header("Server").orElse(null), null, null, millisSince(start));
    }

    private static GatewayHandshake notSent(GatewayCredentials.Password password, String scheme, String why) {
        return password == null ? null : GatewayHandshake.notSent(GatewayHandshake.Variant.HTTP, scheme, why);
    }

    private static double millisSince(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e4) / 100.0;
    }
}
