package io.rdphealth.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.wire.X224Confirm.NegotiationResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The proxy adds its delay per direction, keeps bytes in order and forwards closes. */
class DelayingProxyTest {

    @Test
    void roundTripThroughXrdpCostsTwiceTheOneWayDelay() throws Exception {
        Duration delay = Duration.ofMillis(100);
        try (XrdpServer server = XrdpServer.start(); DelayingProxy proxy = DelayingProxy.start(server.port(), delay)) {
            long start = System.nanoTime();
            var confirm = RawX224Client.negotiate(proxy.port(), 0x01, Duration.ofSeconds(5));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(confirm).isEqualTo(new NegotiationResponse(1, 1));
            assertThat(millis).as("request and confirm each delayed 100 ms").isGreaterThanOrEqualTo(200);
            assertThat(proxy.connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void echoesALargeStreamInOrderAndForwardsTheClose() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 5, LoopbackPorts.LOOPBACK);
                DelayingProxy proxy = DelayingProxy.start(echo.getLocalPort(), Duration.ofMillis(5))) {
            CompletableFuture<Void> echoing = CompletableFuture.runAsync(() -> {
                try (Socket peer = echo.accept()) {
                    peer.getInputStream().transferTo(peer.getOutputStream());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            byte[] data = new byte[300_000];
            new Random(42).nextBytes(data);
            try (Socket client = new Socket()) {
                client.connect(new InetSocketAddress(LoopbackPorts.LOOPBACK, proxy.port()), 2000);
                client.setSoTimeout(10_000);
                CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                    try {
                        OutputStream out = client.getOutputStream();
                        for (int offset = 0; offset < data.length; offset += 7_000) {
                            out.write(data, offset, Math.min(7_000, data.length - offset));
                        }
                        client.shutdownOutput();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                InputStream in = client.getInputStream();
                byte[] back = in.readAllBytes(); // ends only when the echo's close came through the proxy
                writing.get(10, TimeUnit.SECONDS);
                assertThat(Arrays.equals(back, data)).as("same %d bytes in the same order", data.length).isTrue();
            }
            echoing.get(10, TimeUnit.SECONDS);
        }
    }
}
