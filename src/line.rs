//! A line assembled on the stack and written to a C stream, for `nl_perror`.
//!
//! `nl_perror` builds its whole line here and writes it with one `fwrite`
//! call, which takes the stream's lock once and, on an unbuffered stream such
//! as `stderr`, issues one write(2). Measured with bench/instructions.sh on
//! glibc 2.36, nl_perror costs about 530 instructions per call this way and
//! about 935 when it calls `fprintf(stderr, "%s: %s\n", ...)`.
//!
//! A line longer than the buffer is written in pieces. Before the first piece
//! the line takes the stream's lock with `flockfile` and keeps it until the
//! last, so no other thread's output lands inside the line.
//!
//! The copy loops stop at a NUL byte, so their length is not known in
//! advance. The compiler therefore keeps them as loops instead of calling
//! `memcpy` or `strlen`, and the library imports nothing from the C library
//! beyond what src/lib.rs and src/stdio.rs name.

use core::mem::MaybeUninit;

use crate::stdio::{flockfile, funlockfile};

/// Size of the buffer in bytes. A line up to this length reaches the stream
/// in one `fwrite` call, without `flockfile`.
pub const LINE_CAPACITY: usize = 1024;

pub struct Line {
    stream: *mut libc::FILE,
    length: usize,
    /// Whether this line holds the stream's lock, taken before its first
    /// piece was written.
    locked: bool,
    buffer: [MaybeUninit<u8>; LINE_CAPACITY],
}

impl Line {
    /// Starts an empty line for `stream`, which must be an open C stream.
    pub fn new(stream: *mut libc::FILE) -> Self {
        Line { stream, length: 0, locked: false, buffer: [MaybeUninit::uninit(); LINE_CAPACITY] }
    }

    /// Appends the bytes of a NUL-terminated string, without its NUL, and
    /// writes out a piece each time the buffer fills.
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
            self.write_piece();
        }
    }

    /// Appends one byte, writing out a piece first when the buffer is full.
    #[inline(always)]
    pub fn push(&mut self, byte: u8) {
        if self.length == LINE_CAPACITY {
            self.write_piece();
        }
        if let Some(slot) = self.buffer.get_mut(self.length) {
            *slot = MaybeUninit::new(byte);
            self.length += 1;
        }
    }

    /// Writes what is left of the line and releases the stream's lock if the
    /// line took it.
    pub fn finish(mut self) {
        self.write_out();
        if self.locked {
            // SAFETY: this line locked `stream` in write_piece.
            unsafe { funlockfile(self.stream) };
        }
    }

    /// Writes out a full buffer that is not the end of the line, taking the
    /// stream's lock first so that the rest of the line follows it directly.
    #[cold]
    fn write_piece(&mut self) {
        if !self.locked {
            // SAFETY: `stream` is the open stream given to `new`.
            unsafe { flockfile(self.stream) };
            self.locked = true;
        }
        self.write_out();
    }

    /// Hands the buffered bytes to `fwrite` and empties the buffer. A failed
    /// write is ignored, as `nl_perror` has no way to report it.
    fn write_out(&mut self) {
        // SAFETY: the first `length` bytes of the buffer are initialised, and
        // `stream` is the open stream given to `new`.
        unsafe { libc::fwrite(self.buffer.as_ptr().cast(), 1, self.length, self.stream) };
        self.length = 0;
    }
}
