//! The tasks themselves, and the small helpers they share for running commands.

use std::path::PathBuf;
use std::process::Command;

use crate::{offline, setup};

/// A task's outcome: `Err` carries the sentence to print.
pub type Task = Result<(), String>;

/// The sub-path the end-to-end tests serve the release build under, as GitHub Pages does.
const E2E_PUBLIC_URL: &str = "/trialcards/";

/// Builds and serves the viewer on http://127.0.0.1:8080, rebuilding on change.
pub fn serve() -> Task {
    setup::all()?;
    // A dist of its own, so that dist/ holds only release builds.
    let dist = "target/trunk-serve";
    run(&mut trunk(&[
        "serve",
        "--address",
        "127.0.0.1",
        "--port",
        "8080",
        "--dist",
        dist,
    ]))
}

/// The release build in `dist/` for the given public URL (default `/`).
pub fn dist(args: &[String]) -> Task {
    let public_url = match args {
        [] => "/".to_string(),
        [flag, url] if flag == "--public-url" => url.clone(),
        _ => return Err("usage: cargo xtask dist [--public-url URL]".into()),
    };
    setup::all()?;
    release_build(&public_url).map(|_| ())
}

/// Every check and test, in the order that fails fastest.
pub fn test() -> Task {
    setup::all()?;
    let chromium = setup::chromium()?;
    let chromedriver = setup::chromedriver()?;
    step("format", cargo(&["fmt", "--all", "--", "--check"]))?;
    step(
        "lints (native)",
        cargo(&[
            "clippy",
            "--workspace",
            "--exclude",
            "trialcards-web",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    // The app as shipped (no in-place parser; the parse worker also without the structured
    // readers), then everything the tests build.
    for extra in [
        &["--lib", "--bins"][..],
        &["--lib", "--bins", "--no-default-features"][..],
        &["--all-targets", "--all-features"][..],
    ] {
        let mut args = vec![
            "clippy",
            "-p",
            "trialcards-web",
            "--target",
            "wasm32-unknown-unknown",
        ];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["--", "-D", "warnings"]);
        step("lints (web)", cargo(&args))?;
    }
    step(
        "core, CLI and xtask tests",
        cargo(&["test", "--workspace", "--exclude", "trialcards-web"]),
    )?;
    step(
        "core without the structured readers (the parse worker's build)",
        cargo(&[
            "test",
            "-p",
            "trialcards-core",
            "--no-default-features",
            "--lib",
            "here::",
        ]),
    )?;
    let mut web_tests = cargo(&[
        "test",
        "-p",
        "trialcards-web",
        "--target",
        "wasm32-unknown-unknown",
        "--features",
        "in-place-parse",
    ]);
    web_tests
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("CHROMEDRIVER", &chromedriver)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    step("web component tests (headless Chromium)", web_tests)?;
    let sizes = step_with("release build under /trialcards/", || {
        release_build(E2E_PUBLIC_URL)
    })?;
    step_with("download sizes", || within_ceilings(&sizes))?;
    let mut e2e = Command::new("node");
    e2e.args(["--test", "--test-concurrency=1", "tests/e2e/"])
        .current_dir(project_root())
        .env("CHROME_BIN", &chromium)
        .env("TRIALCARDS_DIST", project_root().join("dist"))
        .env("TRIALCARDS_PUBLIC_URL", E2E_PUBLIC_URL);
    step("end-to-end tests (headless Chromium, release build)", e2e)
}

/// The release build in `dist/`, its service worker, and its download sizes (printed).
fn release_build(public_url: &str) -> Result<offline::Sizes, String> {
    run(&mut trunk(&[
        "build",
        "--release",
        "--public-url",
        public_url,
        "--dist",
        "dist",
    ]))?;
    let root = project_root();
    let dist = root.join("dist");
    offline::write_service_worker(&root, &dist)?;
    offline::print_sizes(&dist)
}

/// The download sizes `cargo xtask test` holds the release build to, gzip -9, in bytes: the
/// first load within the 250 KB and the parse worker within the 300 KB they must reach, the
/// viewer and the structured worker ceilings against growth a little above today's build.
const PAGE_CEILING: u64 = 250_000;
/// See [`PAGE_CEILING`].
const VIEWER_CEILING: u64 = 600_000;
/// See [`PAGE_CEILING`].
const WORKER_CEILING: u64 = 300_000;
/// See [`PAGE_CEILING`].
const STRUCTURED_CEILING: u64 = 450_000;

/// Fails when the build's `sizes` are over a ceiling.
fn within_ceilings(sizes: &offline::Sizes) -> Task {
    for (what, size, ceiling) in [
        ("first load", sizes.page, PAGE_CEILING),
        ("viewer", sizes.viewer, VIEWER_CEILING),
        ("parse worker", sizes.worker, WORKER_CEILING),
        ("structured worker", sizes.structured, STRUCTURED_CEILING),
    ] {
        if size > ceiling {
            return Err(format!(
                "the {what} is {} KB gzip, over its ceiling of {} KB",
                offline::kb(size),
                offline::kb(ceiling)
            ));
        }
    }
    Ok(())
}

/// A trunk command with the environment this project's Trunk.toml expects:
/// the npm wasm-opt on the PATH and no network version check.
fn trunk(args: &[&str]) -> Command {
    let root = project_root();
    let mut command = Command::new("trunk");
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs = vec![root.join("node_modules/.bin")];
    dirs.extend(std::env::split_paths(&path));
    command
        .args(args)
        .current_dir(&root)
        .env("PATH", std::env::join_paths(dirs).unwrap_or(path))
        .env("TRUNK_SKIP_VERSION_CHECK", "true");
    command
}

fn cargo(args: &[&str]) -> Command {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command.args(args).current_dir(project_root());
    command
}

fn step(name: &str, mut command: Command) -> Task {
    step_with(name, || run(&mut command))
}

/// Announces a step, runs it, and names the step if it fails.
fn step_with<T>(name: &str, body: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    eprintln!("xtask: ── {name}");
    body().map_err(|e| format!("{name} failed: {e}"))
}

/// Runs a command with inherited output; an `Err` says which command failed.
pub fn run(command: &mut Command) -> Task {
    let shown = format!("{command:?}");
    let status = command
        .status()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} exited with {status}"))
    }
}

/// The workspace root (where Cargo.toml and index.html are).
pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .map(PathBuf::from)
        .unwrap_or_default()
}
