/*
 * The overflow program of examples/overflow.c with no reference of its own to
 * nlerr's functions: its nl_geterror calls go to overflow_message below. Only
 * libnl's internal call to nl_syserr2nlerr can reach nlerr, so the result
 * shows whether a link keeps nlerr for a program that never names it, which
 * --as-needed and static archives decide by the program's own references.
 *
 * Build it with nlerr's header. Exit status as for examples/overflow.c: 0 for
 * NLE_MISSED, 2 for NLE_NOMEM with errno ENOBUFS.
 */
#define nl_geterror overflow_message
#include "../examples/overflow.c"

const char *overflow_message(int error)
{
	(void)error;
	return "(not looked up)";
}
