//! C library items that `nl_perror` uses and the libc crate does not declare.

extern "C" {
    /// The C library's standard error stream. It is read on each call because
    /// a program may assign another stream to it.
    pub static mut stderr: *mut libc::FILE;

    /// Takes a stream's lock, which is recursive: the stdio calls made while
    /// holding it take it again and release it.
    pub fn flockfile(stream: *mut libc::FILE);

    pub fn funlockfile(stream: *mut libc::FILE);
}
