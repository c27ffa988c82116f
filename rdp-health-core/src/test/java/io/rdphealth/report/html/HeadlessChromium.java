package io.rdphealth.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real Debian Chromium, headless, driven over the DevTools protocol (a WebSocket from Java's
 * HttpClient). Collects every console error, uncaught exception and browser log error (CSP
 * violations, failed loads) of the page. The browser listens on a port it picks itself on
 * loopback; every wait has a deadline; {@link #close} kills the browser and its helpers.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final ObjectMapper mapper = new ObjectMapper();
    private final Path profile;
    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<JsonNode>> loads = new CopyOnWriteArrayList<>();

    /** Starts the browser; fails with the install command when Chromium is missing. */
    HeadlessChromium(int width, int height) throws IOException, InterruptedException {
        Path binary = Stream.of("/usr/bin/chromium", "/usr/lib/chromium/chromium").map(Path::of)
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "Debian chromium is required for the HTML report tests: apt-get install -y chromium"));
        profile = Files.createTempDirectory("rdphealth-chromium-");
        process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--window-size=" + width + "," + height, "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        try {
            int port = awaitPort();
            socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(DEADLINE)
                    .buildAsync(URI.create(pageSocket(port)), new Listener()).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            call("Runtime.enable", null);
            call("Log.enable", null);
            call("Page.enable", null);
        } catch (Exception e) {
            close();
            throw new IOException("cannot drive chromium: " + e + "; log: " + log(), e);
        }
    }

    /** Chromium writes the port it chose into DevToolsActivePort; poll for it until the deadline. */
    private int awaitPort() throws IOException, InterruptedException {
        Path file = profile.resolve("DevToolsActivePort");
        Instant end = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new IOException("chromium exited with " + process.exitValue());
            }
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).trim());
                }
            }
            Thread.sleep(50);
        }
        throw new IOException("chromium did not open its DevTools port within " + DEADLINE);
    }

    private String pageSocket(int port) throws IOException, InterruptedException {
        HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/json/list")).timeout(DEADLINE).build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : mapper.readTree(list.body())) {
            if ("page".equals(target.path("type").asText())) {
                return target.path("webSocketDebuggerUrl").asText();
            }
        }
        throw new IOException("no page target in " + list.body());
    }

    /** Sends a DevTools command and waits for its result. */
    JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = mapper.createObjectNode().put("id", id).put("method", method);
        if (params != null) {
            message.set("params", params);
        }
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        pending.put(id, result);
        socket.sendText(mapper.writeValueAsString(message), true).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        JsonNode answer = result.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }

    /** Opens a URL and waits for its load event. */
    void open(URI url) throws Exception {
        CompletableFuture<JsonNode> loaded = new CompletableFuture<>();
        loads.add(loaded);
        call("Page.navigate", mapper.createObjectNode().put("url", url.toString()));
        loaded.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    /** Evaluates a JavaScript expression in the page and returns its value (JSON-compatible values only). */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", mapper.createObjectNode().put("expression", expression)
                .put("returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("evaluation failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** A PNG of the viewport. */
    byte[] screenshot() throws Exception {
        return Base64.getDecoder().decode(call("Page.captureScreenshot",
                mapper.createObjectNode().put("format", "png")).path("data").asText());
    }

    /** Console errors, uncaught exceptions and browser log errors seen so far. */
    List<String> errors() {
        return new ArrayList<>(errors);
    }

    private void event(JsonNode message) {
        String method = message.path("method").asText();
        JsonNode params = message.path("params");
        switch (method) {
            case "Runtime.consoleAPICalled" -> {
                String type = params.path("type").asText();
                if (type.equals("error") || type.equals("assert")) {
                    errors.add("console." + type + ": " + params.path("args"));
                }
            }
            case "Runtime.exceptionThrown" -> errors.add("exception: " + params.path("exceptionDetails"));
            case "Log.entryAdded" -> {
                if (params.path("entry").path("level").asText().equals("error")) {
                    errors.add("log: " + params.path("entry").path("text").asText());
                }
            }
            case "Page.loadEventFired" -> loads.forEach(l -> l.complete(params));
            default -> { }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = mapper.readTree(partial.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> waiting = pending.remove(message.get("id").asInt());
                        if (waiting != null) {
                            waiting.complete(message);
                        }
                    } else {
                        event(message);
                    }
                } catch (IOException e) {
                    errors.add("unreadable DevTools message: " + e.getMessage());
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    private String log() {
        try {
            return Files.readString(profile.resolve("chromium.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is harmless.
        }
    }
}
