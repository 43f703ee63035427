/*
 * Overflows a netlink socket's receive buffer on a real kernel and reports
 * what libnl returns for it.
 *
 * The program moves itself into a new network namespace with unshare(2), so
 * the addresses it adds go to that namespace's loopback device and vanish
 * with it. It subscribes one libnl socket to IPv4 address notifications with
 * a receive buffer of a few KiB. Through a second socket it adds a few
 * hundred /32 addresses to lo without reading the first socket. Then it calls
 * nl_recvmsgs_default on the first socket until that fails.
 *
 * It links only against the system's libnl-3 and libnl-route-3. Run it as
 * is to see libnl's own result, or with LD_PRELOAD=libnlerr.so to see
 * nlerr's.
 *
 * Usage: overflow [ADDRESS_COUNT]
 * Exit status: 0 when the overflow is reported as NLE_MISSED, 2 when it is
 * reported as NLE_NOMEM with errno ENOBUFS (libnl's behaviour), 1 otherwise.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <netlink/netlink.h>
#include <netlink/route/addr.h>
#include <linux/rtnetlink.h>

/* The kernel doubles this and raises it to its minimum (about 2 KiB). A few
 * address notifications fill it. */
#define RECEIVE_BUFFER_BYTES 1024
#define DEFAULT_ADDRESS_COUNT 300

static int count_event(struct nl_msg *msg, void *arg)
{
	(void)msg;
	++*(int *)arg;
	return NL_OK;
}

/* Adds 127.100.X.Y/32 to the loopback device for index 1..count. The range is
 * part of 127.0.0.0/8 and exists only in this namespace. */
static int add_addresses(struct nl_sock *writer, int ifindex, int count)
{
	int i;

	for (i = 1; i <= count; i++) {
		char text[32];
		struct nl_addr *local = NULL;
		struct rtnl_addr *addr = rtnl_addr_alloc();
		int err;

		snprintf(text, sizeof(text), "127.100.%d.%d/32", i / 256, i % 256);
		err = addr ? nl_addr_parse(text, AF_INET, &local) : -NLE_NOMEM;
		if (err == 0) {
			rtnl_addr_set_ifindex(addr, ifindex);
			err = rtnl_addr_set_local(addr, local);
		}
		if (err == 0)
			err = rtnl_addr_add(writer, addr, 0);

		nl_addr_put(local);
		rtnl_addr_put(addr);
		if (err < 0) {
			fprintf(stderr, "overflow: adding %s to lo failed: %s\n", text, nl_geterror(err));
			return -1;
		}
	}
	return 0;
}

static struct nl_sock *connect_route_socket(void)
{
	struct nl_sock *sk = nl_socket_alloc();
	int err;

	if (!sk) {
		fprintf(stderr, "overflow: nl_socket_alloc failed\n");
		return NULL;
	}
	err = nl_connect(sk, NETLINK_ROUTE);
	if (err < 0) {
		fprintf(stderr, "overflow: nl_connect failed: %s\n", nl_geterror(err));
		nl_socket_free(sk);
		return NULL;
	}
	return sk;
}

int main(int argc, char **argv)
{
	int count = argc > 1 ? atoi(argv[1]) : DEFAULT_ADDRESS_COUNT;
	struct nl_sock *listener, *writer;
	int ifindex, events = 0, err, saved_errno, status;

	if (count < 1 || count > 60000) {
		fprintf(stderr, "overflow: invalid ADDRESS_COUNT '%s': expected 1 to 60000\n", argv[1]);
		return 1;
	}

	/* Without root, a new user namespace grants the capabilities that a
	 * new network namespace needs, where the kernel allows it. */
	if (unshare(CLONE_NEWNET) < 0 && unshare(CLONE_NEWUSER | CLONE_NEWNET) < 0) {
		fprintf(stderr, "overflow: creating a network namespace failed: %s; run as root\n",
			strerror(errno));
		return 1;
	}
	ifindex = (int)if_nametoindex("lo");
	if (ifindex == 0) {
		fprintf(stderr, "overflow: no loopback device in the new namespace: %s\n", strerror(errno));
		return 1;
	}

	/* The listener never sends requests, so notifications carry sequence
	 * number 0 and the sequence check must be off. */
	listener = connect_route_socket();
	writer = connect_route_socket();
	if (!listener || !writer)
		return 1;
	nl_socket_disable_seq_check(listener);
	nl_socket_modify_cb(listener, NL_CB_VALID, NL_CB_CUSTOM, count_event, &events);
	err = nl_socket_add_membership(listener, RTNLGRP_IPV4_IFADDR);
	if (err == 0)
		err = nl_socket_set_buffer_size(listener, RECEIVE_BUFFER_BYTES, 0);
	if (err < 0) {
		fprintf(stderr, "overflow: setting up the listener failed: %s\n", nl_geterror(err));
		return 1;
	}

	if (add_addresses(writer, ifindex, count) < 0)
		return 1;

	/* Read until libnl reports an error. The kernel reports the overflow
	 * on the first receive after it dropped a message. */
	do {
		errno = 0;
		err = nl_recvmsgs_default(listener);
		saved_errno = errno;
	} while (err >= 0);

	printf("addresses added:  %d\n", count);
	printf("events read:      %d\n", events);
	printf("return value:     %d\n", err);
	printf("errno:            %d (%s)\n", saved_errno, strerror(saved_errno));
	printf("nl_geterror:      \"%s\"\n", nl_geterror(err));

	/* The check that works with and without nlerr: NLE_MISSED exists only in
	 * nlerr's header, and plain libnl reports ENOBUFS as NLE_NOMEM. */
#ifdef NLE_MISSED
	if (err == -NLE_MISSED)
		status = 0;
	else
#endif
	if (err == -NLE_NOMEM && saved_errno == ENOBUFS)
		status = 2;
	else
		status = 1;

	nl_socket_free(writer);
	nl_socket_free(listener);
	return status;
}
