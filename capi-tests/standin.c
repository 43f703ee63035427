/*
 * Stand-in for a libnl-3 built with upstream's version script, which Debian's
 * libnl-3 is not: capi-tests/libnl_3.map puts the three functions in the
 * version node libnl_3. Its results differ from both libnl's and nlerr's, so
 * a test can tell which library served a call.
 */
#include <errno.h>
#include <stdio.h>

#include <netlink/errno.h>

#define STANDIN_MESSAGE "stand-in message"

const char *nl_geterror(int error)
{
	(void)error;
	return STANDIN_MESSAGE;
}

void nl_perror(int error, const char *prefix)
{
	(void)error;
	fprintf(stderr, "%s: %s\n", prefix ? prefix : "", STANDIN_MESSAGE);
}

/* Returns libnl 3.7's code for ENOBUFS, and NLE_FAILURE for everything else. */
int nl_syserr2nlerr(int error)
{
	return error == ENOBUFS || error == -ENOBUFS ? NLE_NOMEM : NLE_FAILURE;
}
