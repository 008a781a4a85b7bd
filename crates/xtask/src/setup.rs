//! Installs the tools the build and the tests need, skipping what is present:
//! the wasm32 target, the pinned trunk, the wasm-bindgen CLI that matches
//! Cargo.lock, and the npm packages (binaryen's wasm-opt, playwright-core).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::tasks::{project_root, run, Task};

/// The trunk release the project builds with.
pub const TRUNK_VERSION: &str = "0.21.14";

/// Installs everything missing.
pub fn all() -> Task {
    wasm_target()?;
    trunk()?;
    wasm_bindgen_cli()?;
    npm_packages()
}

/// Adds the wasm32 target to the project's toolchain if it lacks it.
pub fn wasm_target() -> Task {
    let installed = output_of(Command::new("rustup").args(["target", "list", "--installed"]))
        .ok_or("rustup is needed: install Rust from https://rustup.rs")?;
    if installed
        .lines()
        .any(|t| t.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// Installs trunk at [`TRUNK_VERSION`] unless that version is on the PATH.
pub fn trunk() -> Task {
    if tool_version("trunk").is_some_and(|v| v.contains(TRUNK_VERSION)) {
        return Ok(());
    }
    eprintln!("xtask: installing trunk {TRUNK_VERSION} (a few minutes, once)");
    run(cargo_install().args(["trunk", "--version", TRUNK_VERSION, "--locked"]))
}

/// Installs the wasm-bindgen CLI whose version equals the wasm-bindgen in Cargo.lock.
pub fn wasm_bindgen_cli() -> Task {
    let version = locked_version("wasm-bindgen")?;
    if tool_version("wasm-bindgen").is_some_and(|v| v.split_whitespace().nth(1) == Some(&version)) {
        return Ok(());
    }
    eprintln!("xtask: installing wasm-bindgen-cli {version}");
    let args = ["wasm-bindgen-cli", "--version", &version, "--force"];
    // Some releases' own lock files need a newer rustc; their dependencies still resolve without it.
    run(cargo_install().args(args).arg("--locked")).or_else(|_| run(cargo_install().args(args)))
}

/// `cargo install` tuned for build time: these tools only orchestrate the build, so
/// their own speed hardly matters, while their fat-LTO, one-codegen-unit release
/// profiles would take most of a cold run to link on a small machine.
fn cargo_install() -> Command {
    let mut command = Command::new("cargo");
    command
        .arg("install")
        .env("CARGO_PROFILE_RELEASE_LTO", "off")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16");
    command
}

/// Runs `npm ci` when `node_modules` is missing or older than `package-lock.json`.
pub fn npm_packages() -> Task {
    let root = project_root();
    let marker = root.join("node_modules/.package-lock.json");
    let lock = root.join("package-lock.json");
    if is_newer_or_same(&marker, &lock) {
        return Ok(());
    }
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&root))
}

/// The Chromium or Chrome binary to test with: `$CHROME_BIN`, else the first one found.
pub fn chromium() -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os("CHROME_BIN") {
        return Ok(PathBuf::from(path));
    }
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
    .ok_or_else(|| {
        "Chromium is needed for the browser tests: install it (Debian: \
             apt-get install chromium chromium-driver) or set CHROME_BIN"
            .to_string()
    })
}

/// The ChromeDriver that matches [`chromium`]: `$CHROMEDRIVER`, else the system one.
pub fn chromedriver() -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os("CHROMEDRIVER") {
        return Ok(PathBuf::from(path));
    }
    let path = PathBuf::from("/usr/bin/chromedriver");
    if path.exists() {
        Ok(path)
    } else {
        Err(
            "ChromeDriver is needed for the web crate's tests: install it (Debian: \
             apt-get install chromium-driver) or set CHROMEDRIVER"
                .to_string(),
        )
    }
}

/// The version of `package` recorded in Cargo.lock.
pub fn locked_version(package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(project_root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    version_in_lock(&lock, package).ok_or_else(|| format!("{package} is not in Cargo.lock"))
}

/// The version of `package` in the text of a Cargo.lock.
fn version_in_lock(lock: &str, package: &str) -> Option<String> {
    let name_line = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == name_line {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Some(version.trim_end_matches('"').to_string());
            }
        }
    }
    None
}

fn tool_version(tool: &str) -> Option<String> {
    output_of(Command::new(tool).arg("--version"))
}

fn output_of(command: &mut Command) -> Option<String> {
    let out = command.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn is_newer_or_same(path: &Path, than: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(path), modified(than)) {
        (Some(a), Some(b)) => a >= b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::version_in_lock;

    #[test]
    fn finds_the_exact_package_not_one_whose_name_it_prefixes() {
        let lock = "[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"9.9.9\"\n\n\
                    [[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.129\"\n";
        assert_eq!(
            version_in_lock(lock, "wasm-bindgen").as_deref(),
            Some("0.2.129")
        );
        assert_eq!(version_in_lock(lock, "trunk"), None);
    }
}
