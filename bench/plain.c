/*
 * The three functions as ordinary C, built by `make bench` as a shared library
 * with the compiler's default startup files and linker. It is the baseline for
 * nlerr's size and preload overhead: what the same behaviour costs when written
 * the straightforward way.
 *
 * It behaves like nlerr: the codes and messages of libnl 3.7 plus NLE_MISSED
 * (35) for ENOBUFS, and nl_perror leaves errno unchanged.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>

#define NLE_FAILURE 1
#define NLE_INTR 2
#define NLE_BAD_SOCK 3
#define NLE_AGAIN 4
#define NLE_NOMEM 5
#define NLE_EXIST 6
#define NLE_INVAL 7
#define NLE_RANGE 8
#define NLE_OPNOTSUPP 10
#define NLE_AF_NOSUPPORT 11
#define NLE_OBJ_NOTFOUND 12
#define NLE_NOADDR 19
#define NLE_BUSY 25
#define NLE_PROTO_MISMATCH 26
#define NLE_NOACCESS 27
#define NLE_PERM 28
#define NLE_NODEV 31
#define NLE_MISSED 35

/* One pointer per code, so the loader applies one relative relocation to
 * each entry when it maps the library. */
static const char *const messages[] = {
	"Success",
	"Unspecific failure",
	"Interrupted system call",
	"Bad socket",
	"Try again",
	"Out of memory",
	"Object exists",
	"Invalid input data or parameter",
	"Input data out of range",
	"Message size not sufficient",
	"Operation not supported",
	"Address family not supported",
	"Object not found",
	"Attribute not available",
	"Missing attribute",
	"Address family mismatch",
	"Message sequence number mismatch",
	"Kernel reported message overflow",
	"Kernel reported truncated message",
	"Invalid address for specified address family",
	"Source based routing not supported",
	"Netlink message is too short",
	"Netlink message type is not supported",
	"Object type does not match cache",
	"Unknown or invalid cache type",
	"Object busy",
	"Protocol mismatch",
	"No Access",
	"Operation not permitted",
	"Unable to open packet location file",
	"Unable to parse object",
	"No such device",
	"Immutable attribute",
	"Dump inconsistency detected, interrupted",
	"Attribute max length exceeded",
	"Kernel reported missed message ",
};

#define CODE_COUNT ((int)(sizeof(messages) / sizeof(messages[0])))

const char *nl_geterror(int error)
{
	/* -INT_MIN overflows, so INT_MIN takes the out-of-range branch. */
	if (error == INT_MIN)
		return messages[NLE_FAILURE];
	if (error < 0)
		error = -error;
	if (error >= CODE_COUNT)
		return messages[NLE_FAILURE];
	return messages[error];
}

void nl_perror(int error, const char *prefix)
{
	int saved_errno = errno;

	if (stderr) {
		if (prefix && *prefix)
			fprintf(stderr, "%s: %s\n", prefix, nl_geterror(error));
		else
			fprintf(stderr, "%s\n", nl_geterror(error));
	}
	errno = saved_errno;
}

int nl_syserr2nlerr(int error)
{
	if (error == INT_MIN)
		return NLE_FAILURE;
	if (error < 0)
		error = -error;

	switch (error) {
	case EBADF:
	case ENOTSOCK:
		return NLE_BAD_SOCK;
	case EADDRINUSE:
	case EEXIST:
		return NLE_EXIST;
	case EADDRNOTAVAIL:
		return NLE_NOADDR;
	case ESRCH:
	case ENOENT:
		return NLE_OBJ_NOTFOUND;
	case EINTR:
		return NLE_INTR;
	case EAGAIN:
		return NLE_AGAIN;
	case ENOPROTOOPT:
	case EFAULT:
	case EINVAL:
		return NLE_INVAL;
	case EACCES:
		return NLE_NOACCESS;
	case ENOBUFS:
		return NLE_MISSED;
	case ENOMEM:
		return NLE_NOMEM;
	case EAFNOSUPPORT:
		return NLE_AF_NOSUPPORT;
	case EPROTONOSUPPORT:
		return NLE_PROTO_MISMATCH;
	case EOPNOTSUPP:
		return NLE_OPNOTSUPP;
	case EPERM:
		return NLE_PERM;
	case EBUSY:
		return NLE_BUSY;
	case ERANGE:
		return NLE_RANGE;
	case ENODEV:
		return NLE_NODEV;
	default:
		return NLE_FAILURE;
	}
}
