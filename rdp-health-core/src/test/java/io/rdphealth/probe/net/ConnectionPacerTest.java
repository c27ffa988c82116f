package io.rdphealth.probe.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pacer's decisions, computed from given clock readings where the rule is about time. */
class ConnectionPacerTest {
    private static final long MS = 1_000_000L;
    private static final Deadline LATER = Deadline.after(Duration.ofSeconds(30));

    @Test
    void nearServerTheFourthWaitsForAnAnswer() throws Exception {
        ConnectionPacer pacer = new ConnectionPacer(3, Duration.ofMillis(2), Duration.ofMillis(2), System.nanoTime());
        ConnectionPacer.Turn first = pacer.awaitTurn(LATER);
        pacer.awaitTurn(LATER);
        pacer.awaitTurn(LATER);
        first.connected(100_000); // 0.1 ms: loopback
        long now = System.nanoTime() + 50 * MS;
        assertThat(pacer.decide(now).go()).as("near: no start before an answer, however long").isFalse();
        first.close();
        assertThat(pacer.decide(now)).isEqualTo(new ConnectionPacer.Decision(true, now));
    }

    @Test
    void farServerTheOthersStartOneIntervalApart() {
        long created = 1_000 * MS;
        ConnectionPacer pacer = new ConnectionPacer(3, Duration.ofMillis(2), Duration.ofMillis(2), created);
        for (int i = 0; i < 3; i++) {
            assertThat(pacer.decide(created)).isEqualTo(new ConnectionPacer.Decision(true, created));
            pacer.started();
        }
        assertThat(pacer.decide(created)).as("not known yet: look again after one interval")
                .isEqualTo(new ConnectionPacer.Decision(false, created + 2 * MS));
        long now = created + 2 * MS;
        assertThat(pacer.decide(now)).as("no handshake within the interval: far").isEqualTo(new ConnectionPacer.Decision(true, now));
        pacer.started();
        assertThat(pacer.decide(now)).isEqualTo(new ConnectionPacer.Decision(true, now + 2 * MS));
        pacer.started();
        assertThat(pacer.decide(now)).isEqualTo(new ConnectionPacer.Decision(true, now + 4 * MS));
        pacer.started();
        assertThat(pacer.decide(now + 10 * MS)).as("after an idle time, at once").isEqualTo(new ConnectionPacer.Decision(true, now + 10 * MS));
    }

    @Test
    void aSlowHandshakeMakesTheServerFar() throws Exception {
        ConnectionPacer pacer = new ConnectionPacer(1, Duration.ofMillis(2), Duration.ofMillis(2), System.nanoTime());
        ConnectionPacer.Turn only = pacer.awaitTurn(LATER);
        only.connected(150 * MS);
        long now = System.nanoTime();
        assertThat(pacer.decide(now).go()).as("far: paced, no answer needed").isTrue();
    }

    @Test
    void aWaitingTurnStartsWhenAnEarlierIsAnswered() throws Exception {
        ConnectionPacer pacer = new ConnectionPacer(1, Duration.ofMillis(2), Duration.ofMillis(2), System.nanoTime());
        ConnectionPacer.Turn first = pacer.awaitTurn(LATER);
        first.connected(0);
        Thread answer = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            first.close();
        });
        answer.start();
        ConnectionPacer.Turn second = pacer.awaitTurn(LATER);
        assertThat(second).isNotNull();
        answer.join();
    }

    @Test
    void noTurnAfterTheDeadline() {
        ConnectionPacer pacer = new ConnectionPacer(1, Duration.ofMillis(2), Duration.ofMillis(2), System.nanoTime());
        pacer.awaitTurn(LATER).connected(0);
        long start = System.nanoTime();
        assertThat(pacer.awaitTurn(Deadline.after(Duration.ofMillis(300)))).as("near and never answered").isNull();
        assertThat(System.nanoTime() - start).isBetween(250 * MS, 3_000 * MS);
    }

    @Test
    void closingTwiceFreesOnePlace() {
        ConnectionPacer pacer = new ConnectionPacer(1, Duration.ofMillis(2), Duration.ofMillis(2), System.nanoTime());
        ConnectionPacer.Turn first = pacer.awaitTurn(LATER);
        first.connected(0);
        first.close();
        first.close();
        pacer.started();
        assertThat(pacer.decide(System.nanoTime()).go()).isFalse();
    }

    @Test
    void nearOnlyNeverPacesPastTheQueue() {
        ConnectionPacer pacer = ConnectionPacer.nearOnly();
        assertThat(pacer.awaitDistance()).isFalse();
        ConnectionPacer.Turn first = pacer.awaitTurn(LATER);
        first.connected(500 * MS);
        pacer.started();
        pacer.started();
        assertThat(pacer.decide(System.nanoTime() + 100 * MS).go()).as("even after a 500 ms handshake").isFalse();
        first.close();
        assertThat(pacer.decide(System.nanoTime()).go()).isTrue();
    }

    @Test
    void distanceIsKnownWithinOneInterval() {
        ConnectionPacer pacer = new ConnectionPacer(3, Duration.ofMillis(2), Duration.ofMillis(20));
        long start = System.nanoTime();
        assertThat(pacer.awaitDistance()).as("no handshake within 20 ms: far").isTrue();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(15 * MS);
        ConnectionPacer near = new ConnectionPacer(3, Duration.ofMillis(2), Duration.ofSeconds(20));
        near.awaitTurn(LATER).connected(50_000);
        assertThat(near.awaitDistance()).as("a 50 us handshake: near").isFalse();
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> new ConnectionPacer(0, Duration.ofMillis(2), Duration.ofMillis(2), 0)).hasMessageContaining("burst");
        assertThatThrownBy(() -> new ConnectionPacer(3, Duration.ZERO, Duration.ofMillis(2), 0)).hasMessageContaining("interval");
    }
}
