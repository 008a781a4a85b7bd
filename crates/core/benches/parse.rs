//! Prints how long parsing takes: every fixture and example page we wrote, and the
//! shared corpus when it is present. Run with `cargo bench -p trialcards-core`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn pages_in(dir: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            pages_in(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            if let Ok(text) = std::fs::read_to_string(&path) {
                out.push((path.display().to_string(), text));
            }
        }
    }
}

/// Runs `f` until a second has passed; returns the time per run.
fn time_per_run(mut f: impl FnMut()) -> (Duration, u32) {
    let start = Instant::now();
    let mut runs = 0;
    while start.elapsed() < Duration::from_secs(1) || runs < 10 {
        f();
        runs += 1;
    }
    (start.elapsed() / runs, runs)
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut sets: Vec<(&str, Vec<(String, String)>)> = Vec::new();
    let mut ours = Vec::new();
    pages_in(&root.join("crates/core/tests/fixtures"), &mut ours);
    pages_in(&root.join("web/examples"), &mut ours);
    pages_in(&root.join("tests/fixtures"), &mut ours);
    sets.push(("our fixtures and examples", ours));
    let mut corpus = Vec::new();
    pages_in(&root.join("../shared/corpus"), &mut corpus);
    if corpus.is_empty() {
        println!("(../shared/corpus is absent: the corpus rows are skipped)");
    } else {
        sets.push(("shared corpus", corpus));
    }
    println!(
        "{:<28} {:>6} {:>10} {:>14} {:>12}",
        "set", "pages", "bytes", "per page", "MB/s"
    );
    for (name, pages) in &sets {
        let bytes: usize = pages.iter().map(|(_, t)| t.len()).sum();
        let (per_set, _) = time_per_run(|| {
            for (file, text) in pages {
                std::hint::black_box(trialcards_core::parse(file, text));
            }
        });
        let per_page = per_set / pages.len().max(1) as u32;
        let mb_per_s = bytes as f64 / per_set.as_secs_f64() / 1e6;
        println!(
            "{name:<28} {:>6} {bytes:>10} {:>14?} {mb_per_s:>12.1}",
            pages.len(),
            per_page
        );
    }
    // Twenty pages dropped at once, as in the viewer's promise.
    if let Some((_, pages)) = sets.last() {
        let twenty: Vec<_> = pages.iter().cycle().take(20).collect();
        let (t, _) = time_per_run(|| {
            for (file, text) in &twenty {
                std::hint::black_box(trialcards_core::parse(file, text));
            }
        });
        println!("twenty pages at once: {t:?}");
    }
}
