//! A line assembled on the stack and written to a C stream with `fwrite`.
//!
//! `nl_perror` builds its whole line here and writes it with one `fwrite`
//! call, which takes the stream's lock once and, on an unbuffered stream such
//! as `stderr`, issues one write(2). Measured with bench/instructions.sh on
//! glibc 2.36, nl_perror costs about 530 instructions per call this way and
//! about 935 when it calls `fprintf(stderr, "%s: %s\n", ...)`.
//!
//! The copy loops stop at a NUL byte, so their length is not known in
//! advance. The compiler therefore keeps them as loops instead of calling
//! `memcpy`, and the library imports nothing from the C library beyond what
//! src/lib.rs names.

use core::mem::MaybeUninit;

/// Bytes assembled before a write. A line of up to this length reaches the
/// stream in one `fwrite` call, and a longer one in pieces of this size.
pub const LINE_CAPACITY: usize = 1024;

pub struct Line {
    stream: *mut libc::FILE,
    length: usize,
    buffer: [MaybeUninit<u8>; LINE_CAPACITY],
}

impl Line {
    /// Starts an empty line for `stream`, which must not be NULL.
    pub fn new(stream: *mut libc::FILE) -> Self {
        Line { stream, length: 0, buffer: [MaybeUninit::uninit(); LINE_CAPACITY] }
    }

    /// Appends the bytes of a NUL-terminated string, without its NUL, and
    /// writes out the buffer each time it fills.
    ///
    /// # Safety
    ///
    /// `text` must point to a NUL-terminated string that stays valid and
    /// unchanged during the call.
    pub unsafe fn push_c_str(&mut self, text: *const u8) {
        let mut next = text;
        loop {
            let mut length = self.length;
            while length < LINE_CAPACITY {
                // SAFETY: `next` has not passed the string's NUL byte, which
                // the caller guarantees exists.
                let byte = unsafe { *next };
                if byte == 0 {
                    self.length = length;
                    return;
                }
                self.buffer[length] = MaybeUninit::new(byte);
                length += 1;
                // SAFETY: `byte` was not the NUL, so the string goes on.
                next = unsafe { next.add(1) };
            }
            self.length = length;
            self.write_out();
        }
    }

    /// Appends one byte, writing out the buffer first when it is full.
    #[inline(always)]
    pub fn push(&mut self, byte: u8) {
        if self.length == LINE_CAPACITY {
            self.write_out();
        }
        if let Some(slot) = self.buffer.get_mut(self.length) {
            *slot = MaybeUninit::new(byte);
            self.length += 1;
        }
    }

    /// Hands the assembled bytes to `fwrite` and empties the buffer. A failed
    /// write is ignored, as `nl_perror` has no way to report it.
    pub fn write_out(&mut self) {
        // SAFETY: the first `length` bytes of the buffer are initialised, and
        // `stream` is the non-NULL stream given to `new`.
        unsafe { libc::fwrite(self.buffer.as_ptr().cast(), 1, self.length, self.stream) };
        self.length = 0;
    }
}
