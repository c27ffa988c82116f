package io.rdphealth.probe;

import io.rdphealth.evidence.DnsEvidence;
import io.rdphealth.probe.net.Deadline;
import io.rdphealth.target.Target;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Resolves a target's host within the deadline. The JDK resolver cannot be interrupted, so it
 * runs on the I/O pool and is abandoned (not waited for) when the deadline passes.
 */
final class NameResolver {
    private final Executor io;

    NameResolver(Executor io) {
        this.io = io;
    }

    /** The resolution and its addresses ({@code addresses} empty when it failed). */
    record Resolution(DnsEvidence evidence, List<InetAddress> addresses) {
    }

    Resolution resolve(Target target, Deadline deadline, java.time.Duration limit) {
        long start = System.nanoTime();
        if (isLiteral(target.host())) {
            try {
                InetAddress address = InetAddress.getByName(target.host()); // a literal: parsed, no lookup
                return new Resolution(new DnsEvidence(List.of(address.getHostAddress()), 0, null), List.of(address));
            } catch (UnknownHostException e) {
                return failed("'" + target.host() + "' is not a valid address literal", start);
            }
        }
        CompletableFuture<InetAddress[]> lookup = CompletableFuture.supplyAsync(() -> {
            try {
                return InetAddress.getAllByName(target.host());
            } catch (UnknownHostException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, io);
        try {
            InetAddress[] addresses = lookup.get(deadline.cap(limit), TimeUnit.MILLISECONDS);
            List<InetAddress> list = Arrays.asList(addresses);
            return new Resolution(new DnsEvidence(list.stream().map(InetAddress::getHostAddress).toList(),
                    X224Exchange.millisSince(start), null), list);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            return failed("the name did not resolve within " + deadline.cap(limit) + " ms", start);
        } catch (ExecutionException e) {
            return failed("the name does not resolve (" + e.getCause().getMessage() + ")", start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted while resolving", start);
        }
    }

    private static Resolution failed(String why, long start) {
        return new Resolution(new DnsEvidence(List.of(), X224Exchange.millisSince(start), why), List.of());
    }

    static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }
}
