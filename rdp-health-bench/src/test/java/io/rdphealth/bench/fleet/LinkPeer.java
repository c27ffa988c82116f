package io.rdphealth.bench.fleet;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The two ends of {@link TunDelayLinkTest}, each run as its own JVM inside its own network
 * namespace (a JVM cannot change namespace): an echo server, and a client that opens N
 * connections at once, sends a patterned payload on each, half-closes, and checks that exactly the
 * payload comes back followed by EOF. Both are single-threaded NIO so 1000 connections cost no
 * threads. A test double only in the sense that it is a minimal real TCP peer; there is no other
 * peer to measure a link with.
 *
 * <p>{@code server PORT}: listens on 127.0.0.1, prints {@code listening} once bound, echoes until killed; on a peer's
 * EOF it half-closes after echoing everything. {@code client HOST PORT CONNECTIONS BYTES}: prints
 * one line {@code connected=.. intact=.. eof=.. minConnectMs=.. maxConnectMs=.. minExchangeMs=..
 * maxExchangeMs=..} and exits.
 */
public final class LinkPeer {
    private LinkPeer() {
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("server")) {
            server(Integer.parseInt(args[1]));
        } else {
            client(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        }
    }

    private static void server(int port) throws IOException {
        try (Selector selector = Selector.open(); ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
            System.out.println("listening");
            System.out.flush();
            while (true) {
                selector.select();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (key.isAcceptable()) {
                        SocketChannel channel;
                        while ((channel = listener.accept()) != null) {
                            channel.configureBlocking(false);
                            channel.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(64 * 1024));
                        }
                    } else {
                        echo(key);
                    }
                }
            }
        }
    }

    /** Reads what fits, writes back what the socket takes; the buffer is flipped only around writes. */
    private static void echo(SelectionKey key) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        ByteBuffer buffer = (ByteBuffer) key.attachment();
        boolean eof = false;
        try {
            if (buffer.hasRemaining()) {
                eof = channel.read(buffer) < 0;
            }
            buffer.flip();
            channel.write(buffer);
            buffer.compact();
        } catch (IOException e) {
            channel.close();
            return;
        }
        boolean pending = buffer.position() > 0;
        if (eof || (key.interestOps() & SelectionKey.OP_READ) == 0) {
            if (pending) {
                key.interestOps(SelectionKey.OP_WRITE);
            } else {
                channel.shutdownOutput();
                channel.close();
            }
        } else {
            key.interestOps(pending ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }
    }

    private static final class Exchange {
        final int index;
        final ByteBuffer out;
        final ByteBuffer in;
        final long started = System.nanoTime();
        long connected;
        long finished;
        boolean eof;
        boolean overflow;

        Exchange(int index, int bytes) {
            this.index = index;
            this.out = ByteBuffer.wrap(payload(index, bytes));
            this.in = ByteBuffer.allocate(bytes);
        }
    }

    static byte[] payload(int index, int bytes) {
        byte[] data = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            data[i] = (byte) (i * 31 + i / 251 + index);
        }
        return data;
    }

    private static void client(String host, int port, int connections, int bytes) throws IOException {
        List<Exchange> exchanges = new ArrayList<>();
        long deadline = System.nanoTime() + 60_000_000_000L;
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < connections; i++) {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                Exchange exchange = new Exchange(i, bytes);
                exchanges.add(exchange);
                channel.connect(new InetSocketAddress(host, port));
                channel.register(selector, SelectionKey.OP_CONNECT, exchange);
            }
            int open = connections;
            while (open > 0 && System.nanoTime() < deadline) {
                selector.select(1000);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    SocketChannel channel = (SocketChannel) key.channel();
                    Exchange exchange = (Exchange) key.attachment();
                    try {
                        if (key.isConnectable()) {
                            channel.finishConnect();
                            exchange.connected = System.nanoTime();
                            key.interestOps(SelectionKey.OP_WRITE | SelectionKey.OP_READ);
                            continue;
                        }
                        if (key.isWritable()) {
                            channel.write(exchange.out);
                            if (!exchange.out.hasRemaining()) {
                                channel.shutdownOutput();
                                key.interestOps(SelectionKey.OP_READ);
                            }
                        }
                        if (key.isReadable()) {
                            ByteBuffer target = exchange.in.hasRemaining() ? exchange.in : ByteBuffer.allocate(1);
                            int read = channel.read(target);
                            if (target != exchange.in && read > 0) {
                                exchange.overflow = true;
                            }
                            if (read < 0) {
                                exchange.eof = true;
                                exchange.finished = System.nanoTime();
                                channel.close();
                                open--;
                            }
                        }
                    } catch (IOException e) {
                        channel.close();
                        open--;
                    }
                }
            }
        }
        int connected = 0;
        int intact = 0;
        int eof = 0;
        double minConnect = Double.MAX_VALUE;
        double maxConnect = 0;
        double minExchange = Double.MAX_VALUE;
        double maxExchange = 0;
        for (Exchange exchange : exchanges) {
            if (exchange.connected == 0) {
                continue;
            }
            connected++;
            double connect = (exchange.connected - exchange.started) / 1e6;
            minConnect = Math.min(minConnect, connect);
            maxConnect = Math.max(maxConnect, connect);
            if (exchange.eof) {
                eof++;
                double exchangeMs = (exchange.finished - exchange.connected) / 1e6;
                minExchange = Math.min(minExchange, exchangeMs);
                maxExchange = Math.max(maxExchange, exchangeMs);
            }
            if (!exchange.overflow && !exchange.in.hasRemaining()
                    && java.util.Arrays.equals(exchange.in.array(), payload(exchange.index, bytes))) {
                intact++;
            }
        }
        System.out.printf(java.util.Locale.ROOT,
                "connected=%d intact=%d eof=%d minConnectMs=%.1f maxConnectMs=%.1f minExchangeMs=%.1f maxExchangeMs=%.1f%n",
                connected, intact, eof, minConnect, maxConnect, minExchange, maxExchange);
    }
}
