//! Unit tests of the table, the mapping and the generated header.

use super::*;
use std::ffi::CStr;

fn message_of(error: c_int) -> &'static str {
    // SAFETY: nl_geterror always returns a pointer to a static C string.
    unsafe { CStr::from_ptr(nl_geterror(error)) }.to_str().unwrap()
}

#[test]
fn table_values_and_max() {
    assert_eq!(CODE_COUNT, 36);
    assert_eq!(NLE_SUCCESS, 0);
    assert_eq!(NLE_ATTRSIZE, 34);
    assert_eq!(NLE_MISSED, 35);
    assert_eq!(NLE_MAX, NLE_MISSED);
}

#[test]
fn geterror_known_messages() {
    assert_eq!(message_of(NLE_SUCCESS), "Success");
    assert_eq!(message_of(NLE_NOMEM), "Out of memory");
    assert_eq!(message_of(NLE_NOACCESS), "No Access");
    assert_eq!(message_of(NLE_ATTRSIZE), "Attribute max length exceeded");
    assert_eq!(message_of(NLE_MISSED), "Kernel reported missed message ");
}

#[test]
fn geterror_ignores_sign() {
    for code in 0..=NLE_MAX {
        assert_eq!(message_of(-code), message_of(code), "code {code}");
    }
}

#[test]
fn geterror_out_of_range() {
    for error in [NLE_MAX + 1, -(NLE_MAX + 1), 1000, c_int::MAX, -c_int::MAX, c_int::MIN] {
        assert_eq!(message_of(error), "Unspecific failure", "error {error}");
    }
}

#[test]
fn geterror_pointer_is_stable() {
    assert_eq!(nl_geterror(NLE_MISSED), nl_geterror(-NLE_MISSED));
    assert_eq!(nl_geterror(NLE_FAILURE), nl_geterror(c_int::MIN));
}

#[test]
fn messages_agree_with_lookup() {
    for code in 0..CODE_COUNT {
        let with_nul = message_with_nul(code).unwrap();
        let from_pointer = message_of(code as c_int);
        assert_eq!(&with_nul[..with_nul.len() - 1], from_pointer.as_bytes(), "code {code}");
    }
    assert_eq!(message_with_nul(CODE_COUNT), None);
}

#[test]
fn syserr_enobufs_is_missed() {
    assert_eq!(nl_syserr2nlerr(libc::ENOBUFS), NLE_MISSED);
    assert_eq!(nl_syserr2nlerr(-libc::ENOBUFS), NLE_MISSED);
}

#[test]
fn syserr_full_mapping() {
    let mapping = [
        (libc::EBADF, NLE_BAD_SOCK),
        (libc::EADDRINUSE, NLE_EXIST),
        (libc::EEXIST, NLE_EXIST),
        (libc::EADDRNOTAVAIL, NLE_NOADDR),
        (libc::ESRCH, NLE_OBJ_NOTFOUND),
        (libc::ENOENT, NLE_OBJ_NOTFOUND),
        (libc::EINTR, NLE_INTR),
        (libc::EAGAIN, NLE_AGAIN),
        (libc::ENOTSOCK, NLE_BAD_SOCK),
        (libc::ENOPROTOOPT, NLE_INVAL),
        (libc::EFAULT, NLE_INVAL),
        (libc::EACCES, NLE_NOACCESS),
        (libc::EINVAL, NLE_INVAL),
        (libc::ENOBUFS, NLE_MISSED),
        (libc::ENOMEM, NLE_NOMEM),
        (libc::EAFNOSUPPORT, NLE_AF_NOSUPPORT),
        (libc::EPROTONOSUPPORT, NLE_PROTO_MISMATCH),
        (libc::EOPNOTSUPP, NLE_OPNOTSUPP),
        (libc::EPERM, NLE_PERM),
        (libc::EBUSY, NLE_BUSY),
        (libc::ERANGE, NLE_RANGE),
        (libc::ENODEV, NLE_NODEV),
    ];
    for (errno, expected) in mapping {
        assert_eq!(nl_syserr2nlerr(errno), expected, "errno {errno}");
        assert_eq!(nl_syserr2nlerr(-errno), expected, "errno -{errno}");
    }

    let mapped: Vec<c_int> = mapping.iter().map(|&(errno, _)| errno).collect();
    for errno in -200..=200_i32 {
        if !mapped.contains(&errno.abs()) {
            assert_eq!(nl_syserr2nlerr(errno), NLE_FAILURE, "errno {errno}");
        }
    }
}

#[test]
fn syserr_table_covers_mapping() {
    // Linux errno values lie below 4096. The table stops after the highest
    // mapped one, so every value above it must still agree with the match.
    for errno in 0..4096 {
        assert_eq!(nl_syserr2nlerr(errno), errno_code(errno), "errno {errno}");
    }
    assert_eq!(ERRNO_CODES_LEN, libc::ENOBUFS as usize + 1);
}

#[test]
fn syserr_extremes_are_failure() {
    assert_eq!(nl_syserr2nlerr(0), NLE_FAILURE);
    assert_eq!(nl_syserr2nlerr(c_int::MIN), NLE_FAILURE);
    assert_eq!(nl_syserr2nlerr(c_int::MAX), NLE_FAILURE);
}

#[test]
fn committed_header_is_current() {
    let generated = include_str!(concat!(env!("OUT_DIR"), "/errno.h"));
    let committed = include_str!("../include/netlink/errno.h");
    assert!(
        generated == committed,
        "include/netlink/errno.h differs from what the source generates; run `make header` and commit the result"
    );
}
