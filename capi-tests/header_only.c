/*
 * Includes nothing but nlerr's <netlink/errno.h> and uses every kind of
 * declaration in it. capi-tests/header.sh compiles this file as C89, C99, C11,
 * C++98, C++11 and C++17 with gcc and clang, warnings as errors.
 */
/* A program may define macros with common names before including the header,
 * so its prototypes must not use such names for their parameters. */
#define error "a macro named error"
#define prefix "a macro named prefix"
#include <netlink/errno.h>
#undef error
#undef prefix

/* Compile-time checks in a form that C89 and C++98 accept: an array of
 * negative size does not compile. */
typedef char nle_missed_is_35[NLE_MISSED == 35 ? 1 : -1];
typedef char nle_max_is_nle_missed[NLE_MAX == NLE_MISSED ? 1 : -1];

int use_header(int error);

int use_header(int error)
{
	const char *message = nl_geterror(-error);

	nl_perror(error, message);
	return nl_syserr2nlerr(error) == NLE_FAILURE ? NLE_SUCCESS : NLE_MAX;
}
