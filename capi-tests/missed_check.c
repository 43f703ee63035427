/*
 * Checks the README's missed_events() function, which must recognise an
 * overflow whether the program is compiled against libnl's header or nlerr's
 * and whether nlerr is loaded or not.
 *
 * The Makefile builds this file twice, against each header, and links both
 * builds against the system libnl-3 only. run.sh runs each build with and
 * without LD_PRELOAD=libnlerr.so. The overflow's return value comes from
 * nl_syserr2nlerr(ENOBUFS), which is what libnl's nl_recv returns, negated,
 * when recvmsg fails with ENOBUFS.
 */
#include <errno.h>

#include <netlink/errno.h>

#include "check.h"

/* The function exactly as README.md shows it. */
static int missed_events(int err)
{
#ifdef NLE_MISSED
	if (err == -NLE_MISSED)
		return 1;
#else
	/* nlerr loaded under a program built against libnl's header. */
	if (err == -35 && errno == ENOBUFS)
		return 1;
#endif
	/* libnl alone. */
	return err == -NLE_NOMEM && errno == ENOBUFS;
}

int main(void)
{
	int overflow = -nl_syserr2nlerr(ENOBUFS);
	int out_of_memory = -nl_syserr2nlerr(ENOMEM);

	errno = ENOBUFS;
	CHECK(missed_events(overflow), "overflow reported as %d is not recognised", overflow);

	errno = ENOMEM;
	CHECK(!missed_events(out_of_memory), "a real ENOMEM (%d) is taken for an overflow",
	      out_of_memory);

	errno = ENOBUFS;
	CHECK(!missed_events(-NLE_INVAL), "-NLE_INVAL with errno ENOBUFS is taken for an overflow");

	return check_finish("missed_check");
}
