//! Generates the C header from the Rust source with cbindgen.
//!
//! cbindgen does not expand macros, so it cannot read the `NLE_*` constants
//! that src/codes.rs expands from src/table.rs. This script expands the same
//! table into plain `pub const` items in `$OUT_DIR/codes.rs` and hands cbindgen
//! that file together with src/lib.rs, which declares the three functions.
//!
//! The header is written to `$OUT_DIR/errno.h`. The copy committed as
//! include/netlink/errno.h is refreshed with `make header`, which sets
//! NLERR_WRITE_HEADER, and a unit test fails when the two differ.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// Rows of src/table.rs as (value, name, message).
macro_rules! error_codes {
    ($($value:literal $name:ident $message:literal,)*) => {
        const ROWS: &[(i32, &str, &str)] = &[$(($value, stringify!($name), $message)),*];
    };
}

include!("src/table.rs");

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src");

    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let codes_path = out_dir.join("codes.rs");
    fs::write(&codes_path, constants_source()).expect("failed to write $OUT_DIR/codes.rs");

    link_shared_library(&out_dir);

    let crate_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let header = cbindgen::Builder::new()
        .with_config(header_config())
        .with_src(crate_dir.join("src/lib.rs"))
        .with_src(&codes_path)
        .generate()
        .expect("cbindgen failed to generate the header");
    header.write_to_file(out_dir.join("errno.h"));

    // `make header` sets this to refresh the committed copy.
    println!("cargo:rerun-if-env-changed=NLERR_WRITE_HEADER");
    if env::var_os("NLERR_WRITE_HEADER").is_some() {
        header.write_to_file(crate_dir.join("include/netlink/errno.h"));
    }
}

/// Adds the SONAME and the `libnl_3` version node to the shared library, and
/// keeps it small and cheap to load.
///
/// rustc passes the linker its own anonymous version script, which exports the
/// three functions and hides everything else, so a second script naming the
/// functions would leave them unversioned. The functions instead carry their
/// version from `.symver` directives in src/lib.rs, and the script below only
/// defines the node.
///
/// NOTE: rust-lld, rustc's default linker on x86_64 Linux since 1.90, accepts
/// an anonymous and a named version script together. GNU ld rejects that
/// combination, so linking with `-C linker-flavor` set to GNU ld fails.
fn link_shared_library(out_dir: &Path) {
    let script = out_dir.join("libnl_3.map");
    fs::write(&script, "libnl_3 { };\n").expect("failed to write $OUT_DIR/libnl_3.map");
    println!("cargo:rustc-cdylib-link-arg=-Wl,--version-script={}", script.display());

    let major = env::var("CARGO_PKG_VERSION_MAJOR").expect("cargo sets CARGO_PKG_VERSION_MAJOR");
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libnlerr.so.{major}");

    // The C compiler's startup files (crti.o, crtbeginS.o, crtendS.o, crtn.o)
    // add _init and _fini, an init and a fini array, four weak references
    // (__cxa_finalize, __gmon_start__ and the two _ITM_ transactional-memory
    // hooks) and three R_X86_64_RELATIVE relocations. The library has no
    // constructors or destructors, so it needs none of them. Leaving them out
    // saves 1.7 KiB and about 3 800 instructions of dynamic-loader work in
    // every process that loads the library (measured with callgrind on
    // /bin/true, as in bench/instructions.sh).
    println!("cargo:rustc-cdylib-link-arg=-nostartfiles");

    // The loader looks symbols up through DT_GNU_HASH. An extra SysV .hash
    // section, the default of some compilers, would only add bytes.
    println!("cargo:rustc-cdylib-link-arg=-Wl,--hash-style=gnu");
}

/// Writes one `pub const` per table row, with the message as its comment,
/// followed by NLE_MAX as the name of the last row.
fn constants_source() -> String {
    let mut source = String::from("use core::ffi::c_int;\n\n");

    for (value, name, message) in ROWS {
        // The message becomes a C comment, so it must not be able to end one.
        assert!(
            message.bytes().all(|byte| (b' '..=b'~').contains(&byte)) && !message.contains("*/"),
            "message of {name} must be printable ASCII without \"*/\""
        );
        writeln!(source, "/// \"{message}\"\npub const {name}: c_int = {value};").unwrap();
    }

    let (_, last_name, _) = ROWS.last().expect("the table has rows");
    writeln!(source, "\n/// Highest code in use.\npub const NLE_MAX: c_int = {last_name};").unwrap();
    source
}

fn header_config() -> cbindgen::Config {
    let mut config = cbindgen::Config {
        language: cbindgen::Language::C,
        // cbindgen's own include guard and C++ guard close with `//` comments,
        // which C89 rejects, and it places its trailer after the include guard.
        // HEADER_START and HEADER_END therefore write both guards.
        include_guard: None,
        cpp_compat: false,
        no_includes: true,
        header: Some(HEADER_START.into()),
        trailer: Some(HEADER_END.into()),
        documentation_style: cbindgen::DocumentationStyle::Doxy,
        autogen_warning: Some(
            "/* Generated by build.rs with cbindgen. Do not edit: change src/ and run `make header`. */".into(),
        ),
        ..Default::default()
    };
    config.constant.allow_static_const = false;
    config.function.sort_by = Some(cbindgen::SortKey::None);
    config.constant.sort_by = Some(cbindgen::SortKey::None);
    config
}

const HEADER_START: &str = "\
/*
 * netlink/errno.h from nlerr: libnl-3's error codes and functions.
 *
 * A drop-in for libnl 3.7's header of the same name, with one addition:
 * NLE_MISSED (35), which nl_syserr2nlerr returns for ENOBUFS, the error of a
 * netlink socket whose receive buffer overflowed and lost messages.
 * Place this header's directory before libnl's include directory.
 */

#ifndef NETLINK_ERRNO_H_
#define NETLINK_ERRNO_H_

#ifdef __cplusplus
extern \"C\" {
#endif";

const HEADER_END: &str = "\
#ifdef __cplusplus
}
#endif

#endif /* NETLINK_ERRNO_H_ */";
