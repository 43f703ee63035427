//! nlerr: libnl-3's error module (`nl_geterror`, `nl_perror`,
//! `nl_syserr2nlerr` and the `NLE_*` codes) as a C-ABI drop-in.
//!
//! It matches libnl 3.7 byte for byte except in one place: ENOBUFS, which
//! `recvmsg` returns on a netlink socket whose receive buffer overflowed, maps
//! to NLE_MISSED (35, "Kernel reported missed message ") where libnl returns
//! NLE_NOMEM. A program mirroring kernel state can then tell that it missed
//! events and must resynchronise.
//!
//! The codes live in `table.rs`. build.rs turns the table and the functions
//! below into `include/netlink/errno.h` with cbindgen.

#![cfg_attr(not(test), no_std)]
#![deny(unsafe_op_in_unsafe_fn)]

// Unwinding out of an `extern "C"` function into C is undefined behaviour.
// The test harness is the one exception: it needs unwinding and never runs
// the library inside a C program.
#[cfg(all(not(test), not(panic = "abort")))]
compile_error!("nlerr must be built with panic = \"abort\" (see Cargo.toml's profiles)");

// cbindgen reads the constants from build.rs's expansion of the table, which
// it can parse, and must not also see the macro-built ones here.
/// cbindgen:ignore
mod codes;

pub use codes::*;

// Internal to nl_perror, so none of it belongs in the C header.
/// cbindgen:ignore
mod line;

use line::Line;

// Declarations of C library items, which must not reach the C header.
/// cbindgen:ignore
mod stdio;

use stdio::stderr;

use core::ffi::{c_char, c_int};


// The parameters carry the `nlerr_` prefix because cbindgen copies their names
// into the C header, where a program's macro named `error` or `prefix` would
// otherwise break the prototypes. libnl's own header leaves them unnamed.

/// Returns the message for the libnl error code `nlerr_error`, as a
/// NUL-terminated string.
///
/// The sign of `nlerr_error` is ignored, so `nl_geterror(-NLE_MISSED)` works. Codes
/// above NLE_MAX, and INT_MIN, whose absolute value does not fit in an `int`,
/// yield "Unspecific failure". The pointer refers to static data that stays
/// valid for the life of the process and must not be written to or freed.
///
/// Safe to call from any thread and from a signal handler: it does not touch
/// errno, allocate or take a lock.
#[no_mangle]
pub extern "C" fn nl_geterror(nlerr_error: c_int) -> *const c_char {
    codes::message_pointer(nlerr_error).cast()
}

/// Writes the message for `nlerr_error` to the C library's `stderr` stream,
/// as `"<prefix>: <message>\n"`, or as `"<message>\n"` when `nlerr_prefix` is
/// NULL or empty.
///
/// The output goes through `stderr` (not straight to file descriptor 2), so
/// it shares buffering and ordering with the program's own
/// `fprintf(stderr, ...)`. The stream's lock is held for the whole line, so
/// the line stays whole when several threads write at once. A line of up to
/// 1024 bytes is assembled on the stack and written with one `fwrite` call. A
/// longer one is written in 1024-byte pieces between `flockfile` and
/// `funlockfile`. The prefix is copied as bytes: it is not checked as UTF-8
/// and never used as a format string. errno is the same on return as on
/// entry, even when the write fails. When `stderr` is NULL, nothing is
/// written.
///
/// # Safety
///
/// `nlerr_prefix` must be NULL or point to a NUL-terminated string that stays
/// valid and unchanged during the call. `stderr` must be NULL or a stream that has
/// not been closed, as for any stdio call.
#[no_mangle]
pub unsafe extern "C" fn nl_perror(nlerr_error: c_int, nlerr_prefix: *const c_char) {
    let prefix = nlerr_prefix;

    // SAFETY: __errno_location returns this thread's errno, always valid.
    let errno = unsafe { libc::__errno_location() };
    let saved_errno = unsafe { *errno };

    // SAFETY: reading the pointer value of a C global. The read goes through
    // a raw pointer because C code may assign to stderr at any time.
    let stream = unsafe { core::ptr::addr_of!(stderr).read_volatile() };

    if !stream.is_null() {
        let message = nl_geterror(nlerr_error);

        // SAFETY: the caller guarantees `prefix` is NULL or a valid string.
        let has_prefix = !prefix.is_null() && unsafe { *prefix } != 0;

        let mut line = Line::new(stream);

        // SAFETY: `prefix` is valid when `has_prefix` is set, and `message` is
        // one of the library's static strings.
        unsafe {
            if has_prefix {
                line.push_c_str(prefix.cast());
                line.push(b':');
                line.push(b' ');
            }
            line.push_c_str(message.cast());
        }
        line.push(b'\n');
        line.finish();
    }

    // SAFETY: as above.
    unsafe { *errno = saved_errno };
}

/// Translates a system errno value into a libnl error code, as a positive
/// number.
///
/// The sign of `nlerr_error` is ignored. ENOBUFS becomes NLE_MISSED, where
/// libnl 3.7 returns NLE_NOMEM. Values without a mapping, INT_MIN and 0
/// among them, become NLE_FAILURE.
///
/// Safe to call from any thread and from a signal handler: it does not touch
/// errno, allocate or take a lock.
#[no_mangle]
pub extern "C" fn nl_syserr2nlerr(nlerr_error: c_int) -> c_int {
    // unsigned_abs turns INT_MIN into 2^31, which is past the end of the table.
    let errno = nlerr_error.unsigned_abs() as usize;

    match ERRNO_CODES.get(errno) {
        Some(&code) => code as c_int,
        None => NLE_FAILURE,
    }
}

/// The libnl code of every errno value from 0 up to the highest mapped one,
/// filled in at compile time from `errno_code`. One bounds check and one
/// load replace the jump tables that a `match` compiles to.
static ERRNO_CODES: [u8; ERRNO_CODES_LEN] = errno_code_table();

/// Errno values at and above this length all map to NLE_FAILURE.
const ERRNO_CODES_LEN: usize = highest_mapped_errno() + 1;

/// Maps a non-negative errno value to its libnl code.
const fn errno_code(errno: c_int) -> c_int {
    match errno {
        libc::EBADF => NLE_BAD_SOCK,
        libc::EADDRINUSE => NLE_EXIST,
        libc::EEXIST => NLE_EXIST,
        libc::EADDRNOTAVAIL => NLE_NOADDR,
        libc::ESRCH => NLE_OBJ_NOTFOUND,
        libc::ENOENT => NLE_OBJ_NOTFOUND,
        libc::EINTR => NLE_INTR,
        libc::EAGAIN => NLE_AGAIN,
        libc::ENOTSOCK => NLE_BAD_SOCK,
        libc::ENOPROTOOPT => NLE_INVAL,
        libc::EFAULT => NLE_INVAL,
        libc::EACCES => NLE_NOACCESS,
        libc::EINVAL => NLE_INVAL,
        libc::ENOBUFS => NLE_MISSED,
        libc::ENOMEM => NLE_NOMEM,
        libc::EAFNOSUPPORT => NLE_AF_NOSUPPORT,
        libc::EPROTONOSUPPORT => NLE_PROTO_MISMATCH,
        libc::EOPNOTSUPP => NLE_OPNOTSUPP,
        libc::EPERM => NLE_PERM,
        libc::EBUSY => NLE_BUSY,
        libc::ERANGE => NLE_RANGE,
        libc::ENODEV => NLE_NODEV,
        _ => NLE_FAILURE,
    }
}

/// Returns the highest errno value that `errno_code` maps to a code other
/// than NLE_FAILURE. Linux errno values lie below 4096.
const fn highest_mapped_errno() -> usize {
    let mut highest = 0;
    let mut errno = 0;
    while errno < 4096 {
        if errno_code(errno) != NLE_FAILURE {
            highest = errno as usize;
        }
        errno += 1;
    }
    highest
}

const fn errno_code_table() -> [u8; ERRNO_CODES_LEN] {
    assert!(NLE_MAX <= u8::MAX as c_int, "libnl codes must fit in a u8");

    let mut table = [0u8; ERRNO_CODES_LEN];
    let mut errno = 0;
    while errno < ERRNO_CODES_LEN {
        table[errno] = errno_code(errno as c_int) as u8;
        errno += 1;
    }
    table
}

/// Aborts the process. Nothing in the library is expected to panic: the
/// functions above index only within bounds checked at compile time.
#[cfg(not(test))]
#[panic_handler]
fn panic(_info: &core::panic::PanicInfo) -> ! {
    // SAFETY: abort has no preconditions.
    unsafe { libc::abort() }
}

#[cfg(test)]
mod tests;

// Upstream libnl links libnl-3 with a version script that puts these functions
// in the version node `libnl_3` (Debian's build does not). Defining them as
// `name@@libnl_3` lets nlerr satisfy both versioned references
// (`nl_geterror@libnl_3`) and unversioned ones. The `@@@` form renames the
// symbol itself, so no unversioned copy is left. build.rs defines the node for
// the shared library. The unit-test executable has no such node.
#[cfg(not(test))]
core::arch::global_asm!(
    ".symver nl_geterror, nl_geterror@@@libnl_3",
    ".symver nl_perror, nl_perror@@@libnl_3",
    ".symver nl_syserr2nlerr, nl_syserr2nlerr@@@libnl_3",
);
