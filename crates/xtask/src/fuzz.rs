//! `cargo xtask fuzz [SECONDS] [TARGET...]`: coverage-guided fuzzing of every core entry point
//! with cargo fuzz (libFuzzer) on the nightly toolchain, each target in turn for SECONDS
//! (default 300). New inputs go to `fuzz/corpus/<target>/` (not committed). Every target
//! starts from the same seeds, all ours: the test fixtures ([`SEED_DIRS`]) and the encoding
//! samples in `fuzz/seeds/encodings/`. A crash stops that target, leaves its input under
//! `fuzz/artifacts/<target>/`, and makes the task fail once every target has run.

use std::process::Command;

use crate::tasks::{project_root, run, Task};

/// The fuzz targets, one per entry point (`fuzz/fuzz_targets/<name>.rs`).
pub const TARGETS: &[&str] = &[
    "bytes",
    "page_text",
    "html",
    "mhtml",
    "ctgov_json",
    "ctgov_xml",
    "ctgov_csv",
    "detect",
    "stream",
];

/// The seed folders, relative to `fuzz/`: our fixtures of every kind, read but never written
/// (libFuzzer adds what it finds to the first folder it is given, the target's corpus).
pub const SEED_DIRS: &[&str] = &[
    "seeds/encodings",
    "../crates/core/tests/fixtures",
    "../crates/core/tests/fixtures/saved_pages",
    "../tests/fixtures",
];

/// Runs the fuzz task with its arguments.
pub fn fuzz(args: &[String]) -> Task {
    let (seconds, targets) = match args.split_first() {
        Some((first, rest)) if first.parse::<u64>().is_ok() => (first.parse().unwrap_or(300), rest),
        _ => (300, args),
    };
    let targets: Vec<&str> = if targets.is_empty() {
        TARGETS.to_vec()
    } else {
        targets.iter().map(String::as_str).collect()
    };
    if let Some(unknown) = targets.iter().find(|t| !TARGETS.contains(t)) {
        return Err(format!(
            "no fuzz target {unknown}; the targets are {}",
            TARGETS.join(", ")
        ));
    }
    install()?;
    let mut crashed = Vec::new();
    for target in targets {
        let corpus = format!("corpus/{target}");
        std::fs::create_dir_all(project_root().join("fuzz").join(&corpus))
            .map_err(|e| format!("cannot create fuzz/{corpus}: {e}"))?;
        eprintln!("xtask: ── fuzzing {target} for {seconds} s");
        let outcome = run(Command::new("cargo")
            .current_dir(project_root().join("fuzz"))
            .args(["+nightly", "fuzz", "run", "--debug-assertions", target])
            .arg(corpus)
            .args(SEED_DIRS)
            .args([
                "--",
                &format!("-max_total_time={seconds}"),
                "-max_len=16384",
                "-timeout=10",
                "-rss_limit_mb=2048",
                "-print_final_stats=1",
            ]));
        if let Err(e) = outcome {
            eprintln!(
                "xtask: {target} found a crash ({e}); its input is under fuzz/artifacts/{target}/"
            );
            crashed.push(target);
        }
    }
    if crashed.is_empty() {
        Ok(())
    } else {
        Err(format!("crashes found by: {}", crashed.join(", ")))
    }
}

/// The nightly toolchain and cargo-fuzz, each installed only when missing.
fn install() -> Task {
    let toolchains = Command::new("rustup")
        .args(["toolchain", "list"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .map_err(|e| format!("rustup is needed: {e}"))?;
    if !toolchains.lines().any(|t| t.starts_with("nightly")) {
        run(Command::new("rustup").args([
            "toolchain",
            "install",
            "nightly",
            "--profile",
            "minimal",
        ]))?;
    }
    let has_fuzz = Command::new("cargo")
        .args(["fuzz", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_fuzz {
        run(Command::new("cargo")
            .args(["install", "cargo-fuzz", "--locked"])
            .env("CARGO_PROFILE_RELEASE_LTO", "off"))?;
    }
    Ok(())
}
