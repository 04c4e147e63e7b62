//! Fingerprints the reader's source and data so that a search index written by another
//! build of lineage is rebuilt rather than served: the index stores documents as this
//! build reads them, and any change to the code or lexicons may read them differently.
//! Also links the unwinder into the command on Linux (see the end of `main`).

use std::path::Path;

fn collect(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}

fn main() {
    let mut files = Vec::new();
    for dir in ["src", "lexicon"] {
        collect(Path::new(dir), &mut files);
        println!("cargo:rerun-if-changed={dir}");
    }
    files.sort();
    // FNV-1a over every file's path and bytes: stable across builds and platforms.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for f in files {
        let bytes = std::fs::read(&f).unwrap_or_default();
        for b in f.to_string_lossy().bytes().chain(bytes) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=LINEAGE_READER_FINGERPRINT={hash:016x}");
    // The unwinder (panics, backtraces) is linked into the command rather than loaded
    // from libgcc_s.so.1 at every start: that library's constructor asks the processor
    // for its model with a dozen CPUID instructions, each a trap to the hypervisor on a
    // virtual machine (about 4 µs apiece here), and loading it is one more file mapped
    // and relocated. The same unwinder, from the same GCC (`-static-libgcc` does this
    // for C programs); linked whole, so that libgcc_s.so.1 is left unneeded.
    // A static build (`-C target-feature=+crt-static`) links it already.
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    let features = std::env::var("CARGO_CFG_TARGET_FEATURE").unwrap_or_default();
    if os == "linux" && env == "gnu" && !features.split(',').any(|f| f == "crt-static") {
        println!("cargo:rustc-link-arg-bins=-Wl,--whole-archive,-lgcc_eh,--no-whole-archive");
    }
}
