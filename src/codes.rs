//! Expansion of the rows in `table.rs` into the `NLE_*` constants and a
//! message table that needs no dynamic relocations.
//!
//! A table of `const char *` would need one R_X86_64_RELATIVE relocation per
//! message in a shared library. Instead all messages sit in one NUL-separated
//! byte array, and `u16` offsets locate each message in it. Both are plain
//! data, so the loader has nothing to patch.
//!
//! The offsets and the text share one `static`, and each offset counts from
//! that static's first byte, so a lookup needs one address relative to the
//! instruction pointer. There is one offset for every error from -NLE_MAX to
//! NLE_MAX, indexed by the error plus NLE_MAX, so a lookup needs no absolute
//! value either.

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

/// Number of entries in `MessageTable::offsets`: one per error from -NLE_MAX
/// to NLE_MAX.
const OFFSET_COUNT: usize = 2 * CODE_COUNT - 1;

/// The message table: the offsets, then the text of every message.
/// `repr(C)` fixes the order of the fields, so `text` begins right after the
/// offsets and both lie in one object that lives as long as the process.
#[repr(C)]
struct MessageTable {
    /// Start of the message for error `i - NLE_MAX` at index `i`, in bytes
    /// from the start of the table.
    offsets: [u16; OFFSET_COUNT],
    /// `MESSAGE_TEXT`: every message followed by its NUL byte.
    text: [u8; MESSAGE_TEXT.len()],
}

/// Offset of the `text` field, which every offset includes.
const TEXT_START: usize = core::mem::offset_of!(MessageTable, text);

static MESSAGE_TABLE: MessageTable = MessageTable {
    offsets: signed_offsets(find_offsets(MESSAGE_TEXT)),
    text: copy_bytes(MESSAGE_TEXT),
};

/// Index of NLE_FAILURE's offset, used for errors outside -NLE_MAX..=NLE_MAX.
const FAILURE_INDEX: usize = NLE_MAX as usize + crate::NLE_FAILURE as usize;

/// Returns the message of `code`, ending in its NUL byte, or `None` when
/// `code` is not in the table.
pub fn message_with_nul(code: usize) -> Option<&'static [u8]> {
    if code >= CODE_COUNT {
        return None;
    }
    let offset = MESSAGE_TABLE.offsets[NLE_MAX as usize + code] as usize;
    let rest = MESSAGE_TABLE.text.get(offset.checked_sub(TEXT_START)?..)?;
    let length = rest.iter().position(|&byte| byte == 0)?;

    rest.get(..=length)
}

/// Returns a pointer to the NUL-terminated message of `error`, ignoring its
/// sign. Errors beyond NLE_MAX in either direction, INT_MIN included, yield
/// NLE_FAILURE's message. This is the hot path of `nl_geterror`, so it does
/// no scanning.
pub fn message_pointer(error: c_int) -> *const u8 {
    // As u32, error + NLE_MAX maps -NLE_MAX..=NLE_MAX onto 0..OFFSET_COUNT and
    // every other value, INT_MIN and INT_MAX included, past the end.
    let index = (error as u32).wrapping_add(NLE_MAX as u32) as usize;
    let index = if index < OFFSET_COUNT { index } else { FAILURE_INDEX };
    let table = core::ptr::addr_of!(MESSAGE_TABLE).cast::<u8>();

    // Every offset points at a message inside `text`, by construction, so the
    // pointer stays inside the table. wrapping_add keeps this function free of
    // unsafe.
    table.wrapping_add(MESSAGE_TABLE.offsets[index] as usize)
}

/// Spreads the per-code offsets over the signed index: entry `NLE_MAX + e`
/// contains the offset of code `|e|`.
const fn signed_offsets(by_code: [u16; CODE_COUNT]) -> [u16; OFFSET_COUNT] {
    let mut offsets = [0u16; OFFSET_COUNT];
    let mut code = 0;
    while code < CODE_COUNT {
        offsets[NLE_MAX as usize + code] = by_code[code];
        offsets[NLE_MAX as usize - code] = by_code[code];
        code += 1;
    }
    offsets
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

/// Computes the start of every message, counted from the start of
/// `MessageTable`, and checks the table's invariants. A failed check stops
/// compilation, because this runs in const context.
const fn find_offsets(text: &str) -> [u16; CODE_COUNT] {
    let bytes = text.as_bytes();
    assert!(TEXT_START + bytes.len() <= u16::MAX as usize, "message table exceeds u16 offsets");

    let mut offsets = [0u16; CODE_COUNT];
    let mut code = 0;
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0 {
            assert!(code < CODE_COUNT, "a message contains a NUL byte");
            assert!(VALUES[code] == code as c_int, "codes must run 0, 1, 2, ... in table order");
            offsets[code] = (TEXT_START + start) as u16;
            code += 1;
            start = i + 1;
        }
        i += 1;
    }
    assert!(code == CODE_COUNT, "a message contains a NUL byte");
    offsets
}
