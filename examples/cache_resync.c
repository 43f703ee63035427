/*
 * Keeps libnl caches of addresses and links up to date with libnl's cache
 * manager, overflows the manager's socket on a real kernel, and recovers by
 * resynchronising the caches whenever libnl reports -NLE_MISSED.
 *
 * The program moves itself into a new network namespace with unshare(2), so
 * every change it makes is to that namespace's loopback device and vanishes
 * with it. It hands the cache manager a socket with a receive buffer of a few
 * KiB and tracks "route/link" and "route/addr". Each round then makes a burst
 * of address changes on lo (adds and deletes mixed, in 127.100.0.0/16) through
 * a second socket, and runs the usual event loop with nl_cache_mngr_poll until
 * no event arrives for a while. The burst overflows the manager's socket, so
 * the kernel drops notifications.
 *
 * At the end it dumps both tables from the kernel into fresh caches and
 * compares them with the manager's caches, object by object.
 *
 * Build it with nlerr's include/ before libnl's include directory, so that
 * NLE_MISSED is defined, and link it against the system's libnl-3 and
 * libnl-route-3. Run it as is to see what libnl alone reports, or with nlerr
 * preloaded or linked before libnl to see the recovery.
 *
 * Usage: cache_resync [ROUNDS [CHANGES_PER_ROUND]]
 * Exit status:
 *   0  the caches match the kernel, and at least one overflow was reported
 *      as NLE_MISSED and resynchronised (the expected result with nlerr)
 *   2  the caches differ from the kernel: they went stale (the expected
 *      result with libnl alone)
 *   3  the caches match the kernel, but no overflow was reported as
 *      NLE_MISSED, so the run showed nothing
 *   1  setup failed, a netlink request or a resync failed, or
 *      nl_cache_mngr_poll kept failing
 */
#define _GNU_SOURCE
#include <errno.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include <netlink/netlink.h>
#include <netlink/cache.h>
#include <netlink/route/addr.h>

/* The kernel doubles this and raises it to its minimum (about 2 KiB), which
 * has room for a few address notifications. A real program sets a large buffer to
 * make overflows rare, but no size rules them out. */
#define RECEIVE_BUFFER_BYTES 1024

#define DEFAULT_ROUNDS 3
#define DEFAULT_CHANGES_PER_ROUND 300

/* Addresses 127.100.0.1 to 127.100.2.0, so that a burst both adds and
 * deletes. */
#define ADDRESS_POOL_SIZE 512

/* The event loop ends a round when no event arrives for this long. Every
 * notification of a burst is queued before the burst ends, because each
 * change waits for the kernel's acknowledgement. */
#define IDLE_TIMEOUT_MS 100

/* Gives up when nl_cache_mngr_poll fails this many times in a row, as it
 * would on a closed socket. */
#define MAX_CONSECUTIVE_ERRORS 10

enum exit_status {
	EXIT_MATCH = 0,
	EXIT_SETUP_FAILED = 1,
	EXIT_STALE = 2,
	EXIT_NO_OVERFLOW = 3,
};

/* One cache that the manager keeps up to date. */
struct tracked_cache {
	const char *name;
	struct nl_cache *cache;
	long events;
};

enum { LINK_CACHE, ADDRESS_CACHE, CACHE_COUNT };

struct monitor {
	struct nl_cache_mngr *mngr;
	/* Socket for the resync dumps, because the manager does not expose its
	 * own. */
	struct nl_sock *sync_sock;
	struct tracked_cache caches[CACHE_COUNT];
	/* Changes that the change callback saw during resyncs. */
	long resync_changes;
	int overflows;
	int other_errors;
	int last_error;
	double max_resync_ms;
};

/* Result of comparing one cache with a fresh dump of the kernel's table. */
struct cache_difference {
	int kernel_objects;
	int cached_objects;
	/* In the kernel but not in the cache. */
	int missing;
	/* In the cache but no longer in the kernel. */
	int extra;
};

static double elapsed_ms(const struct timespec *start, const struct timespec *end)
{
	return (double)(end->tv_sec - start->tv_sec) * 1e3 +
	       (double)(end->tv_nsec - start->tv_nsec) / 1e6;
}

/* Counts the changes the manager applies to a cache. A program that reacts to
 * changes does its work here. */
static void count_change(struct nl_cache *cache, struct nl_object *object, int action, void *arg)
{
	(void)cache;
	(void)object;
	(void)action;
	++((struct tracked_cache *)arg)->events;
}

static long total_events(const struct monitor *monitor)
{
	long events = 0;
	int i;

	for (i = 0; i < CACHE_COUNT; i++)
		events += monitor->caches[i].events;
	return events;
}

static struct nl_sock *connect_route_socket(void)
{
	struct nl_sock *sk = nl_socket_alloc();
	int err;

	if (!sk) {
		fprintf(stderr, "cache_resync: nl_socket_alloc failed\n");
		return NULL;
	}
	err = nl_connect(sk, NETLINK_ROUTE);
	if (err < 0) {
		fprintf(stderr, "cache_resync: nl_connect failed: %s\n", nl_geterror(err));
		nl_socket_free(sk);
		return NULL;
	}
	return sk;
}

/* Adds or deletes 127.100.X.Y/32 on the loopback device, for slot 0 to
 * ADDRESS_POOL_SIZE - 1. */
static int change_address(struct nl_sock *writer, int ifindex, int slot, int add)
{
	char text[32];
	struct nl_addr *local = NULL;
	struct rtnl_addr *addr = rtnl_addr_alloc();
	int err;

	snprintf(text, sizeof(text), "127.100.%d.%d/32", (slot + 1) / 256, (slot + 1) % 256);
	err = addr ? nl_addr_parse(text, AF_INET, &local) : -NLE_NOMEM;
	if (err == 0) {
		rtnl_addr_set_ifindex(addr, ifindex);
		err = rtnl_addr_set_local(addr, local);
	}
	if (err == 0)
		err = add ? rtnl_addr_add(writer, addr, 0) : rtnl_addr_delete(writer, addr, 0);

	nl_addr_put(local);
	rtnl_addr_put(addr);
	if (err < 0)
		fprintf(stderr, "cache_resync: %s %s on lo failed: %s\n", add ? "adding" : "deleting",
			text, nl_geterror(err));
	return err;
}

/*
 * Makes `count` changes on lo. Each picks a pseudo-random slot of the pool and
 * deletes its address when present, or adds it otherwise. The sequence is fixed,
 * so every run makes the same changes.
 */
static int make_burst(struct nl_sock *writer, int ifindex, unsigned char *present, int count,
		      unsigned int *random_state)
{
	int adds = 0, deletes = 0, i;

	for (i = 0; i < count; i++) {
		int slot;

		/* xorshift32: a fixed, well-spread sequence of slots. */
		*random_state ^= *random_state << 13;
		*random_state ^= *random_state >> 17;
		*random_state ^= *random_state << 5;
		slot = (int)(*random_state % ADDRESS_POOL_SIZE);

		if (change_address(writer, ifindex, slot, !present[slot]) < 0)
			return -1;
		present[slot] = !present[slot];
		if (present[slot])
			adds++;
		else
			deletes++;
	}
	printf("  %d address changes on lo: %d adds, %d deletes\n", count, adds, deletes);
	return 0;
}

/*
 * Reads and drops every message queued on the manager's socket. They are
 * older than the dump that follows, and applying them on top of it would undo
 * changes whose later notifications the kernel dropped. Draining also ends
 * the socket's congested state, because the kernel drops every notification
 * for a socket that overflowed until its queue is empty.
 */
static int discard_queued_messages(int fd, int *discarded)
{
	char buffer[256];

	for (;;) {
		/* A datagram longer than the buffer is consumed whole, and the
		 * rest of it is discarded. */
		if (recv(fd, buffer, sizeof(buffer), MSG_DONTWAIT) >= 0) {
			++*discarded;
			continue;
		}
		if (errno == EAGAIN || errno == EWOULDBLOCK)
			return 0;
		/* ENOBUFS means that the kernel dropped more notifications,
		 * which the dump covers too. */
		if (errno != EINTR && errno != ENOBUFS)
			return -1;
	}
}

/*
 * Brings every cache back in line with the kernel after an overflow. The
 * queued notifications go first, then each cache is compared with a dump.
 * Notifications that arrive during the dump are queued and applied by the
 * event loop afterwards. They may repeat what the dump already contains,
 * which is harmless because each one carries the object's whole state.
 *
 * nl_cache_resync updates the cache in place and calls the change callback
 * for each difference, so the program learns what it missed. It is also the
 * safe choice while changes go on: when the kernel interrupts a dump
 * (NLM_F_DUMP_INTR), libnl 3.7's nl_cache_refill restarts it without
 * clearing what the interrupted pass added, and the cache fills with
 * duplicates. nl_cache_resync merges the restarted dump into the cache.
 */
static int resync(struct monitor *monitor)
{
	struct timespec start, end;
	double duration;
	long changes = 0;
	int discarded = 0, i;

	clock_gettime(CLOCK_MONOTONIC, &start);

	if (discard_queued_messages(nl_cache_mngr_get_fd(monitor->mngr), &discarded) < 0) {
		fprintf(stderr, "cache_resync: draining the manager's socket failed: %s\n",
			strerror(errno));
		return -1;
	}
	for (i = 0; i < CACHE_COUNT; i++) {
		struct tracked_cache *tracked = &monitor->caches[i];
		long events_before = tracked->events;
		int err = nl_cache_resync(monitor->sync_sock, tracked->cache, count_change, tracked);

		if (err < 0) {
			fprintf(stderr, "cache_resync: resynchronising %s failed: %s\n", tracked->name,
				nl_geterror(err));
			return -1;
		}
		changes += tracked->events - events_before;
	}
	monitor->resync_changes += changes;

	clock_gettime(CLOCK_MONOTONIC, &end);
	duration = elapsed_ms(&start, &end);
	if (duration > monitor->max_resync_ms)
		monitor->max_resync_ms = duration;
	printf("  resync %d took %.3f ms: discarded %d queued messages, change callback saw %ld changes\n",
	       monitor->overflows, duration, discarded, changes);
	return 0;
}

/*
 * Runs the event loop: applies notifications to the caches until none arrives
 * for IDLE_TIMEOUT_MS, and resynchronises when the kernel reports that it
 * dropped some.
 */
static int process_events(struct monitor *monitor)
{
	int consecutive_errors = 0;

	for (;;) {
		int err, saved_errno;

		errno = 0;
		err = nl_cache_mngr_poll(monitor->mngr, IDLE_TIMEOUT_MS);
		saved_errno = errno;

		if (err == 0)
			return 0;
		if (err > 0) {
			consecutive_errors = 0;
			continue;
		}

		printf("  nl_cache_mngr_poll returned %d, \"%s\" (errno %d, %s)\n", err,
		       nl_geterror(err), saved_errno, strerror(saved_errno));

		/*
		 * nlerr turns the ENOBUFS from recvmsg into -NLE_MISSED, so this
		 * is the one place that learns of the overflow.
		 *
		 * Without nlerr, libnl 3.7 returns -NLE_NOMEM, the code of a
		 * failed allocation, and the overflow falls to the branch below.
		 * errno is still ENOBUFS at that point in libnl 3.7, so a program
		 * without nlerr could guess (see the README's "Behaviour change"
		 * section), but libnl does not document errno after its calls.
		 * This example does not guess, so a run without nlerr shows what
		 * the caches lose.
		 */
		if (err == -NLE_MISSED) {
			monitor->overflows++;
			if (resync(monitor) < 0)
				return -1;
			consecutive_errors = 0;
			continue;
		}

		/* A failed receive leaves the socket usable, so the loop carries
		 * on, as a long-running program would. */
		monitor->other_errors++;
		monitor->last_error = err;
		if (++consecutive_errors >= MAX_CONSECUTIVE_ERRORS) {
			fprintf(stderr, "cache_resync: %d errors in a row from nl_cache_mngr_poll, giving up\n",
				consecutive_errors);
			return -1;
		}
	}
}

/* Dumps the kernel's table for `tracked` into a fresh cache and counts the
 * objects that only one side has. Objects are matched by their identity
 * attributes (for an address: family, interface, local address, prefix). */
static int compare_with_kernel(struct nl_sock *sk, const struct tracked_cache *tracked,
			       struct cache_difference *difference)
{
	struct nl_cache *kernel = NULL;
	struct nl_object *object, *found;
	int err;

	err = nl_cache_alloc_name(tracked->name, &kernel);
	if (err == 0)
		err = nl_cache_resync(sk, kernel, NULL, NULL);
	if (err < 0) {
		fprintf(stderr, "cache_resync: dumping %s from the kernel failed: %s\n", tracked->name,
			nl_geterror(err));
		nl_cache_put(kernel);
		return -1;
	}

	memset(difference, 0, sizeof(*difference));
	difference->kernel_objects = nl_cache_nitems(kernel);
	difference->cached_objects = nl_cache_nitems(tracked->cache);

	for (object = nl_cache_get_first(kernel); object; object = nl_cache_get_next(object)) {
		found = nl_cache_search(tracked->cache, object);
		if (found)
			nl_object_put(found);
		else
			difference->missing++;
	}
	for (object = nl_cache_get_first(tracked->cache); object; object = nl_cache_get_next(object)) {
		found = nl_cache_search(kernel, object);
		if (found)
			nl_object_put(found);
		else
			difference->extra++;
	}

	nl_cache_put(kernel);
	return 0;
}

/* Prints the final comparison and returns the exit status. */
static int report(struct monitor *monitor)
{
	int stale = 0, i;

	printf("result:\n");
	printf("  overflows reported as NLE_MISSED and resynchronised: %d", monitor->overflows);
	if (monitor->overflows > 0)
		printf(" (longest resync %.3f ms)", monitor->max_resync_ms);
	printf("\n");
	printf("  other errors from nl_cache_mngr_poll:  %d", monitor->other_errors);
	if (monitor->other_errors > 0)
		printf(" (last %d, \"%s\")", monitor->last_error, nl_geterror(monitor->last_error));
	printf("\n");

	for (i = 0; i < CACHE_COUNT; i++) {
		struct cache_difference difference;

		if (compare_with_kernel(monitor->sync_sock, &monitor->caches[i], &difference) < 0)
			return EXIT_SETUP_FAILED;
		printf("  %s: kernel %d, cache %d, missing from cache %d, extra in cache %d\n",
		       monitor->caches[i].name, difference.kernel_objects, difference.cached_objects,
		       difference.missing, difference.extra);
		if (difference.missing > 0 || difference.extra > 0 ||
		    difference.cached_objects != difference.kernel_objects)
			stale = 1;
	}

	if (stale) {
		printf("caches are STALE: they differ from the kernel\n");
		return EXIT_STALE;
	}
	if (monitor->overflows == 0) {
		printf("caches match the kernel, but no overflow was reported as NLE_MISSED\n");
		return EXIT_NO_OVERFLOW;
	}
	printf("caches match the kernel\n");
	return EXIT_MATCH;
}

static int parse_count(const char *text, const char *argument_name, int max, int *value)
{
	char *end;
	long number;

	errno = 0;
	number = strtol(text, &end, 10);
	if (errno != 0 || end == text || *end != '\0' || number < 1 || number > max) {
		fprintf(stderr, "cache_resync: invalid %s '%s': expected 1 to %d\n", argument_name, text,
			max);
		return -1;
	}
	*value = (int)number;
	return 0;
}

/* Creates the manager on `events_sock` with a small receive buffer and adds
 * the link cache, then the address cache. */
static int start_monitor(struct monitor *monitor, struct nl_sock *events_sock)
{
	int err, i, granted = 0;
	socklen_t length = sizeof(granted);

	/* NL_AUTO_PROVIDE lets libnl find the manager's caches by name. The
	 * address parser uses that to attach each address's link object from
	 * the link cache (rtnl_addr_get_link), so the link cache comes first. */
	err = nl_cache_mngr_alloc(events_sock, NETLINK_ROUTE, NL_AUTO_PROVIDE, &monitor->mngr);
	if (err < 0) {
		fprintf(stderr, "cache_resync: nl_cache_mngr_alloc failed: %s\n", nl_geterror(err));
		return -1;
	}

	/* nl_cache_mngr_alloc connects the socket, so its buffer can be set
	 * now. */
	err = nl_socket_set_buffer_size(events_sock, RECEIVE_BUFFER_BYTES, 0);
	if (err < 0) {
		fprintf(stderr, "cache_resync: nl_socket_set_buffer_size failed: %s\n", nl_geterror(err));
		return -1;
	}
	getsockopt(nl_socket_get_fd(events_sock), SOL_SOCKET, SO_RCVBUF, &granted, &length);
	printf("manager's receive buffer: %d bytes requested, %d granted by the kernel\n",
	       RECEIVE_BUFFER_BYTES, granted);

	monitor->caches[LINK_CACHE].name = "route/link";
	monitor->caches[ADDRESS_CACHE].name = "route/addr";
	for (i = 0; i < CACHE_COUNT; i++) {
		struct tracked_cache *tracked = &monitor->caches[i];

		err = nl_cache_mngr_add(monitor->mngr, tracked->name, count_change, tracked,
					&tracked->cache);
		if (err < 0) {
			fprintf(stderr, "cache_resync: nl_cache_mngr_add(%s) failed: %s\n", tracked->name,
				nl_geterror(err));
			return -1;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	static unsigned char present[ADDRESS_POOL_SIZE];
	struct monitor monitor = { 0 };
	struct nl_sock *events_sock = NULL, *writer = NULL;
	unsigned int random_state = 2463534242u;
	int rounds = DEFAULT_ROUNDS, changes = DEFAULT_CHANGES_PER_ROUND;
	int ifindex, round, status = EXIT_SETUP_FAILED;

	if (argc > 3 || (argc > 1 && parse_count(argv[1], "ROUNDS", 100, &rounds) < 0) ||
	    (argc > 2 && parse_count(argv[2], "CHANGES_PER_ROUND", 10000, &changes) < 0)) {
		fprintf(stderr, "usage: cache_resync [ROUNDS [CHANGES_PER_ROUND]]\n");
		return EXIT_SETUP_FAILED;
	}

	/* Without root, a new user namespace grants the capabilities that a
	 * new network namespace needs, where the kernel allows it. */
	if (unshare(CLONE_NEWNET) < 0 && unshare(CLONE_NEWUSER | CLONE_NEWNET) < 0) {
		fprintf(stderr, "cache_resync: creating a network namespace failed: %s; run as root\n",
			strerror(errno));
		return EXIT_SETUP_FAILED;
	}
	ifindex = (int)if_nametoindex("lo");
	if (ifindex == 0) {
		fprintf(stderr, "cache_resync: no loopback device in the new namespace: %s\n",
			strerror(errno));
		return EXIT_SETUP_FAILED;
	}

	events_sock = nl_socket_alloc();
	monitor.sync_sock = connect_route_socket();
	writer = connect_route_socket();
	if (!events_sock || !monitor.sync_sock || !writer)
		goto out;
	if (start_monitor(&monitor, events_sock) < 0)
		goto out;

	for (round = 1; round <= rounds; round++) {
		long events_before = total_events(&monitor), resync_before = monitor.resync_changes;

		printf("round %d:\n", round);
		if (make_burst(writer, ifindex, present, changes, &random_state) < 0)
			goto out;
		if (process_events(&monitor) < 0)
			goto out;
		printf("  changes applied from notifications: %ld\n",
		       total_events(&monitor) - events_before - (monitor.resync_changes - resync_before));
	}

	status = report(&monitor);

out:
	/* The manager frees its caches but not a socket it was given. */
	nl_cache_mngr_free(monitor.mngr);
	nl_socket_free(events_sock);
	nl_socket_free(writer);
	nl_socket_free(monitor.sync_sock);
	return status;
}
