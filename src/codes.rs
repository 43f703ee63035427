//! Expansion of the rows in `table.rs` into the `NLE_*` constants and a
//! message table that needs no dynamic relocations.
//!
//! A table of `const char *` would need one R_X86_64_RELATIVE relocation per
//! message in a shared library. Instead all messages sit in one NUL-separated
//! byte array, and a `u16` offset per code locates each message in it. Both are
//! plain data, so the loader has nothing to patch.

use core::ffi::c_int;

macro_rules! error_codes {
    ($($value:literal $name:ident $message:literal,)*) => {
        $(
            #[doc = concat!("`", stringify!($value), "`: \"", $message, "\"")]
            pub const $name: c_int = $value;
        )*

        /// Values of the rows in table order, used to check at compile time
        /// that they run 0, 1, 2, ... without gaps.
        const VALUES: &[c_int] = &[$($value),*];

        /// Every message followed by a NUL byte, in table order.
        const MESSAGE_TEXT: &str = concat!($($message, "\0"),*);
    };
}

include!("table.rs");

/// Number of codes, NLE_SUCCESS included.
pub const CODE_COUNT: usize = VALUES.len();

/// Highest code: the last row of the table.
pub const NLE_MAX: c_int = (CODE_COUNT - 1) as c_int;

/// The bytes of `MESSAGE_TEXT` in a `static`, so that every pointer handed out
/// by `nl_geterror` points into one object that lives as long as the process.
static MESSAGES: [u8; MESSAGE_TEXT.len()] = copy_bytes(MESSAGE_TEXT);

/// Start of each code's message in `MESSAGES`, indexed by code.
static MESSAGE_OFFSETS: [u16; CODE_COUNT] = find_offsets(MESSAGE_TEXT);

/// Returns the message of `code`, ending in its NUL byte, or `None` when
/// `code` is not in the table.
pub fn message_with_nul(code: usize) -> Option<&'static [u8]> {
    let start = *MESSAGE_OFFSETS.get(code)? as usize;
    let rest = MESSAGES.get(start..)?;
    let length = rest.iter().position(|&byte| byte == 0)?;

    rest.get(..=length)
}

/// Returns a pointer to the NUL-terminated message of `code`.
///
/// `code` must be below `CODE_COUNT`; any other value yields NLE_FAILURE's
/// message. This is the hot path of `nl_geterror`, so it does no scanning.
pub fn message_pointer(code: usize) -> *const u8 {
    let code = if code < CODE_COUNT { code } else { crate::NLE_FAILURE as usize };
    let start = MESSAGE_OFFSETS[code] as usize;

    // `start` is below MESSAGES.len() by construction, so the pointer stays
    // inside the array. wrapping_add keeps this function free of unsafe.
    MESSAGES.as_ptr().wrapping_add(start)
}

const fn copy_bytes<const N: usize>(text: &str) -> [u8; N] {
    let bytes = text.as_bytes();
    let mut array = [0u8; N];
    let mut i = 0;
    while i < N {
        array[i] = bytes[i];
        i += 1;
    }
    array
}

/// Computes the start of every message and checks the table's invariants.
/// A failed check stops compilation, because this runs in const context.
const fn find_offsets(text: &str) -> [u16; CODE_COUNT] {
    let bytes = text.as_bytes();
    assert!(bytes.len() <= u16::MAX as usize, "message table exceeds u16 offsets");

    let mut offsets = [0u16; CODE_COUNT];
    let mut code = 0;
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0 {
            assert!(code < CODE_COUNT, "a message contains a NUL byte");
            assert!(VALUES[code] == code as c_int, "codes must run 0, 1, 2, ... in table order");
            offsets[code] = start as u16;
            code += 1;
            start = i + 1;
        }
        i += 1;
    }
    assert!(code == CODE_COUNT, "a message contains a NUL byte");
    offsets
}
