/*
 * tundelay: a point-to-point IP link between two network namespaces that delays every packet by a
 * fixed one-way delay in each direction, in ONE single-threaded process (the fleet benchmark's
 * latency model; tc netem is not in this kernel, and neither is the fq qdisc that BPF departure
 * times need).
 *
 * It creates tun device NEAR_DEV in its own network namespace and FAR_DEV in the namespace named by
 * FAR_NETNS (a path such as /run/netns/NAME), prints "ready" on stdout, and from then on copies
 * every packet read from one device to the other once it is DELAY_US microseconds old. Because the
 * delay is at the packet level, the TCP handshake pays the round trip like everything else (a TCP
 * proxy cannot delay the SYN/SYN-ACK: the kernel completes it on accept). The delay is constant per
 * direction, so a FIFO per direction is already sorted by due time: no heap, no timer per packet.
 * Queues are bounded (QUEUE_SLOTS packets per direction); a packet arriving at a full queue is
 * dropped and counted, as a router's full buffer would. Statistics go to stderr on SIGTERM/SIGINT.
 *
 * Addresses and routes are configured by the caller (`ip addr add ... dev NEAR_DEV` etc.). The tun
 * devices are not persistent: they disappear when this process exits.
 *
 * Usage: tundelay DELAY_US NEAR_DEV FAR_NETNS FAR_DEV
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#define QUEUE_SLOTS 16384
#define SLOT_BYTES 2048 /* MTU 1500 plus slack; longer packets are dropped and counted */

struct packet {
    int64_t due_ns;
    int length;
    unsigned char bytes[SLOT_BYTES];
};

/* One direction: packets read from `from`, written to `to` when due. */
struct direction {
    int from;
    int to;
    struct packet *slots;
    long head; /* next to write */
    long tail; /* next free */
    long forwarded;
    long dropped_full;
    long dropped_long;
    long write_errors;
};

static volatile sig_atomic_t stop;

static void on_signal(int sig) {
    (void) sig;
    stop = 1;
}

static int64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t) t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int open_tun(const char *name) {
    int fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        perror("open /dev/net/tun");
        exit(2);
    }
    struct ifreq request;
    memset(&request, 0, sizeof request);
    request.ifr_flags = IFF_TUN | IFF_NO_PI;
    strncpy(request.ifr_name, name, IFNAMSIZ - 1);
    if (ioctl(fd, TUNSETIFF, &request) < 0) {
        fprintf(stderr, "TUNSETIFF %s: %s\n", name, strerror(errno));
        exit(2);
    }
    return fd;
}

/* Reads every packet that is ready on d->from and queues it. */
static void drain(struct direction *d, int64_t delay_ns) {
    for (;;) {
        struct packet *slot = &d->slots[d->tail % QUEUE_SLOTS];
        unsigned char scratch[65536];
        int full = d->tail - d->head >= QUEUE_SLOTS;
        ssize_t n = read(d->from, full ? scratch : slot->bytes, full ? sizeof scratch : SLOT_BYTES);
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR) {
                return;
            }
            perror("read tun");
            exit(3);
        }
        if (full) {
            d->dropped_full++;
        } else if (n > SLOT_BYTES - 1) {
            d->dropped_long++; /* possibly truncated: never forward a partial packet */
        } else {
            slot->length = (int) n;
            slot->due_ns = now_ns() + delay_ns;
            d->tail++;
        }
    }
}

/* Writes every queued packet that is due; returns the next due time or INT64_MAX. */
static int64_t flush_due(struct direction *d, int64_t now) {
    while (d->head < d->tail) {
        struct packet *slot = &d->slots[d->head % QUEUE_SLOTS];
        if (slot->due_ns > now) {
            return slot->due_ns;
        }
        if (write(d->to, slot->bytes, slot->length) != slot->length) {
            d->write_errors++; /* the stack refused it: as good as lost */
        } else {
            d->forwarded++;
        }
        d->head++;
    }
    return INT64_MAX;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s DELAY_US NEAR_DEV FAR_NETNS FAR_DEV\n", argv[0]);
        return 1;
    }
    int64_t delay_ns = atoll(argv[1]) * 1000LL;
    if (delay_ns < 0) {
        fprintf(stderr, "negative delay\n");
        return 1;
    }
    int near = open_tun(argv[2]);
    int home = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
    int far_ns = open(argv[3], O_RDONLY | O_CLOEXEC);
    if (home < 0 || far_ns < 0 || setns(far_ns, CLONE_NEWNET) < 0) {
        fprintf(stderr, "cannot enter network namespace %s: %s\n", argv[3], strerror(errno));
        return 2;
    }
    int far = open_tun(argv[4]);
    if (setns(home, CLONE_NEWNET) < 0) {
        perror("setns back");
        return 2;
    }
    close(home);
    close(far_ns);

    struct direction out = {near, far, calloc(QUEUE_SLOTS, sizeof(struct packet)), 0, 0, 0, 0, 0, 0};
    struct direction back = {far, near, calloc(QUEUE_SLOTS, sizeof(struct packet)), 0, 0, 0, 0, 0, 0};
    if (out.slots == NULL || back.slots == NULL) {
        fprintf(stderr, "out of memory\n");
        return 2;
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGINT, &action, NULL);
    signal(SIGPIPE, SIG_IGN);
    printf("ready\n");
    fflush(stdout);

    struct pollfd fds[2] = {{near, POLLIN, 0}, {far, POLLIN, 0}};
    while (!stop) {
        int64_t now = now_ns();
        int64_t next = flush_due(&out, now);
        int64_t other = flush_due(&back, now);
        if (other < next) {
            next = other;
        }
        struct timespec timeout;
        struct timespec *wait = NULL;
        if (next != INT64_MAX) {
            int64_t left = next - now_ns();
            if (left < 0) {
                left = 0;
            }
            timeout.tv_sec = left / 1000000000LL;
            timeout.tv_nsec = left % 1000000000LL;
            wait = &timeout;
        }
        if (ppoll(fds, 2, wait, NULL) < 0 && errno != EINTR) {
            perror("ppoll");
            return 3;
        }
        if (fds[0].revents & POLLIN) {
            drain(&out, delay_ns);
        }
        if (fds[1].revents & POLLIN) {
            drain(&back, delay_ns);
        }
    }
    fprintf(stderr, "tundelay: forwarded %ld near->far, %ld far->near; dropped (queue full) %ld/%ld, "
            "(too long) %ld/%ld; write errors %ld/%ld\n", out.forwarded, back.forwarded, out.dropped_full,
            back.dropped_full, out.dropped_long, back.dropped_long, out.write_errors, back.write_errors);
    return 0;
}
