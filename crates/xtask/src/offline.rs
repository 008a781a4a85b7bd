//! After a release build: the service worker that keeps the app working offline, written into
//! `dist/` with the build's version (a hash of every file the build ships) and its file list,
//! and the download sizes of the page and of the parse worker, printed.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::tasks::Task;

/// The mark in `web/boot.js` that the release build replaces with its version.
const BUILD_MARK: &str = "__TRIALCARDS_BUILD__";

/// Writes `dist/sw.js` from `web/sw.js`: `__VERSION__` becomes a hash of the build's files
/// (names and bytes), `__FILES__` their paths relative to `dist/`; `dist/boot.js` gets the same
/// version in place of [`BUILD_MARK`].
pub fn write_service_worker(root: &Path, dist: &Path) -> Task {
    let template = fs::read_to_string(root.join("web/sw.js"))
        .map_err(|e| format!("cannot read web/sw.js: {e}"))?;
    let mut files = Vec::new();
    list(dist, dist, &mut files).map_err(|e| format!("cannot list {}: {e}", dist.display()))?;
    files.retain(|f| f != "sw.js");
    files.sort();
    let mut hash = Fnv::default();
    for file in &files {
        hash.eat(file.as_bytes());
        let bytes = fs::read(dist.join(file)).map_err(|e| format!("cannot read {file}: {e}"))?;
        hash.eat(&bytes);
    }
    let quoted: Vec<String> = files
        .iter()
        .filter(|f| *f != "index.html")
        .map(|f| format!("'{}'", f.replace('\\', "/").replace('\'', "\\'")))
        .collect();
    let worker = template
        .replace("__VERSION__", &format!("{:016x}", hash.0))
        .replace("__FILES__", &format!("[{}]", quoted.join(", ")));
    fs::write(dist.join("sw.js"), worker).map_err(|e| format!("cannot write sw.js: {e}"))?;
    // The loader names the shell's unhashed files with the same version (see web/boot.js).
    let boot = dist.join("boot.js");
    let loader = fs::read_to_string(&boot).map_err(|e| format!("cannot read boot.js: {e}"))?;
    if !loader.contains(BUILD_MARK) {
        return Err(format!(
            "boot.js has no {BUILD_MARK} for the build's version"
        ));
    }
    fs::write(
        &boot,
        loader.replace(BUILD_MARK, &format!("{:016x}", hash.0)),
    )
    .map_err(|e| format!("cannot write boot.js: {e}"))?;
    eprintln!(
        "xtask: service worker for {} files, version {:016x}",
        files.len(),
        hash.0
    );
    Ok(())
}

/// Every file under `dir`, as a path relative to `base` with `/` separators.
fn list(base: &Path, dir: &Path, out: &mut Vec<String>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            list(base, &path, out)?;
        } else if let Ok(relative) = path.strip_prefix(base) {
            let parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(parts.join("/"));
        }
    }
    Ok(())
}

/// 64-bit FNV-1a: a version that changes with any byte of the build.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn eat(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The download a first visit makes, gzip -9 as a static host serves it, in bytes: the page
/// it draws first (the shell's wasm and JS, `boot.js` and the CSS), the viewer it loads on
/// first use (its wasm and JS), and the parse worker it starts on the first read (its wasm
/// and JS).
pub struct Sizes {
    /// The first load: the shell, `boot.js` and the CSS.
    pub page: u64,
    /// The viewer, loaded in the shell's place on first use.
    pub viewer: u64,
    /// The parse worker: wasm and JS.
    pub worker: u64,
    /// The structured worker the parse worker starts for CT.gov JSON, XML and CSV: wasm and
    /// JS.
    pub structured: u64,
}

/// Measures and prints [`Sizes`] of the build in `dist`.
pub fn print_sizes(dist: &Path) -> Result<Sizes, String> {
    let mut files = Vec::new();
    list(dist, dist, &mut files).map_err(|e| format!("cannot list {}: {e}", dist.display()))?;
    let mut sizes = Sizes {
        page: 0,
        viewer: 0,
        worker: 0,
        structured: 0,
    };
    for file in files {
        let code = [".wasm", ".js", ".css"].iter().any(|e| file.ends_with(e));
        if !code || file == "sw.js" {
            continue;
        }
        let size = gzipped(&dist.join(&file))?;
        if file.starts_with("trialcards-worker") {
            sizes.worker += size;
        } else if file.starts_with("trialcards-structured") {
            sizes.structured += size;
        } else if file.starts_with("trialcards-web") {
            sizes.viewer += size;
        } else {
            sizes.page += size;
        }
    }
    eprintln!(
        "xtask: download size, gzip -9: first load {} KB (shell wasm and JS, boot.js, CSS), \
         viewer on first use {} KB, parse worker {} KB, structured worker (CT.gov JSON, XML, \
         CSV) {} KB",
        kb(sizes.page),
        kb(sizes.viewer),
        kb(sizes.worker),
        kb(sizes.structured)
    );
    Ok(sizes)
}

/// `bytes` in kilobytes of 1,000 bytes, one decimal.
pub fn kb(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1000.0)
}

/// The size of `file` compressed by `gzip -9`.
fn gzipped(file: &Path) -> Result<u64, String> {
    let out = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(file)
        .output()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    if !out.status.success() {
        return Err(format!("gzip failed on {}", file.display()));
    }
    Ok(out.stdout.len() as u64)
}
