// The libnl error codes: one row per code, giving its value, its name and its
// message. This is the single source of the codes. src/lib.rs expands the rows
// into the constants and the message table, and build.rs expands the same rows
// into the constants that cbindgen writes to include/netlink/errno.h.
//
// Values 0 to 34 and their messages are libnl 3.7's (Debian libnl-3-200 3.7.0).
// NLE_MISSED is nlerr's own. Values are ABI and messages are compared byte for
// byte, so rows may only be appended. The last row is NLE_MAX.

error_codes! {
    0  NLE_SUCCESS           "Success",
    1  NLE_FAILURE           "Unspecific failure",
    2  NLE_INTR              "Interrupted system call",
    3  NLE_BAD_SOCK          "Bad socket",
    4  NLE_AGAIN             "Try again",
    5  NLE_NOMEM             "Out of memory",
    6  NLE_EXIST             "Object exists",
    7  NLE_INVAL             "Invalid input data or parameter",
    8  NLE_RANGE             "Input data out of range",
    9  NLE_MSGSIZE           "Message size not sufficient",
    10 NLE_OPNOTSUPP         "Operation not supported",
    11 NLE_AF_NOSUPPORT      "Address family not supported",
    12 NLE_OBJ_NOTFOUND      "Object not found",
    13 NLE_NOATTR            "Attribute not available",
    14 NLE_MISSING_ATTR      "Missing attribute",
    15 NLE_AF_MISMATCH       "Address family mismatch",
    16 NLE_SEQ_MISMATCH      "Message sequence number mismatch",
    17 NLE_MSG_OVERFLOW      "Kernel reported message overflow",
    18 NLE_MSG_TRUNC         "Kernel reported truncated message",
    19 NLE_NOADDR            "Invalid address for specified address family",
    20 NLE_SRCRT_NOSUPPORT   "Source based routing not supported",
    21 NLE_MSG_TOOSHORT      "Netlink message is too short",
    22 NLE_MSGTYPE_NOSUPPORT "Netlink message type is not supported",
    23 NLE_OBJ_MISMATCH      "Object type does not match cache",
    24 NLE_NOCACHE           "Unknown or invalid cache type",
    25 NLE_BUSY              "Object busy",
    26 NLE_PROTO_MISMATCH    "Protocol mismatch",
    27 NLE_NOACCESS          "No Access",
    28 NLE_PERM              "Operation not permitted",
    29 NLE_PKTLOC_FILE       "Unable to open packet location file",
    30 NLE_PARSE_ERR         "Unable to parse object",
    31 NLE_NODEV             "No such device",
    32 NLE_IMMUTABLE         "Immutable attribute",
    33 NLE_DUMP_INTR         "Dump inconsistency detected, interrupted",
    34 NLE_ATTRSIZE          "Attribute max length exceeded",
    // The receive buffer overflowed (ENOBUFS) and the kernel dropped events.
    // The trailing space is part of the message.
    35 NLE_MISSED            "Kernel reported missed message ",
}
