//! Prints how long parsing takes: every fixture and example page we wrote, and the
//! shared corpus when it is present, our saved HTML pages as heavy as a site's saved page, and
//! CT.gov v2 JSON Lines of our own records; each beside
//! a bare line split of the same bytes (the most a reader that looks at every line could do on
//! this machine) and the ratio. Run with `cargo bench -p trialcards-core --bench parse`.

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

/// Our saved HTML pages (fictional trials) with the weight a registry site's saved page
/// carries around its text: about 400 KB of inline script, style sheet and navigation with
/// icons, written out the same way every run. What a page's text costs is the same as in the
/// text sets; this set shows how fast the rest of a saved page is passed over.
fn heavy_saved_pages(root: &Path) -> Vec<(String, String)> {
    let mut script = String::new();
    for i in 0..2500 {
        let word: String = (0..40)
            .map(|k| (b'a' + ((i * 7 + k * 3) % 10) as u8) as char)
            .collect();
        script.push_str(&format!(
            "function f{i}(a,b){{var x{i}=\"{word}\";if(a<b){{return a+b*{i};}}return x{i}.length;}}\n"
        ));
    }
    let mut style = String::new();
    for i in 0..1500 {
        style.push_str(&format!(
            ".c{i} > .d{i}:hover {{ color: #{:03}; margin: {}px {}px; font-family: \"Inter\", sans-serif; }}\n",
            i % 999,
            i % 17,
            i % 5
        ));
    }
    let mut nav = String::new();
    for i in 0..300 {
        nav.push_str(&format!(
            "<li class=\"nav-item c{i}\"><a href=\"/trials/search?page={i}&amp;q=x\" data-track=\"nav-{i}\" \
             aria-label=\"Go to page {i}\"><svg viewBox=\"0 0 24 24\" width=\"16\" height=\"16\"><path \
             d=\"M12 2L2 7l10 5 10-5-10-5zm0 7.5L4.5 6 12 2.5 19.5 6 12 9.5z\"/></svg><span>Page {i}</span></a></li>\n"
        ));
    }
    let mut out = Vec::new();
    let dir = root.join("crates/core/tests/fixtures/saved_pages");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return out;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
    {
        let Ok(page) = std::fs::read_to_string(path) else {
            continue;
        };
        let mut page = page.replacen(
            "<head>",
            &format!("<head><style>{style}</style><script>{script}</script>"),
            1,
        );
        // The navigation opens the body, as a site's does.
        if let Some(at) = page
            .find("<body")
            .and_then(|b| Some(b + page[b..].find('>')? + 1))
        {
            page.insert_str(at, &format!("<nav><ul>{nav}</ul></nav>"));
        }
        out.push((path.display().to_string(), page));
    }
    out
}

/// About 10 MB of JSON Lines: our CT.gov v2 fixtures, one study a line, renumbered.
fn json_lines(root: &Path) -> Vec<(String, String)> {
    let mut studies = Vec::new();
    for name in [
        "ctgov_study.json",
        "results_study.json",
        "ctgov_hostile_study.json",
    ] {
        let Ok(text) = std::fs::read_to_string(root.join("tests/fixtures").join(name)) else {
            continue;
        };
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) {
            studies.push(value.to_string());
        }
    }
    if studies.is_empty() {
        return Vec::new();
    }
    let mut text = String::new();
    let mut n = 0;
    while text.len() < 10_000_000 {
        let study = &studies[n % studies.len()];
        text.push_str(&study.replacen("NCT0", &format!("NCT1{:07}", n % 10_000_000), 1));
        text.push('\n');
        n += 1;
    }
    vec![("studies.jsonl".to_string(), text)]
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
    let pages_set = sets[sets.len() - 1].0;
    sets.push(("saved pages, site-heavy", heavy_saved_pages(&root)));
    sets.push(("CT.gov v2 JSON Lines", json_lines(&root)));
    println!(
        "{:<28} {:>6} {:>10} {:>14} {:>10} {:>14} {:>7}",
        "set", "inputs", "bytes", "per input", "MB/s", "line split MB/s", "ratio"
    );
    // TRIALCARDS_BENCH_SET=<start of a set's name> times that set alone (the wasm bench,
    // tests/e2e/bench_parse_wasm.mjs, compares its own run of our pages with it).
    let only = std::env::var("TRIALCARDS_BENCH_SET").unwrap_or_default();
    sets.retain(|(name, _)| name.starts_with(only.as_str()));
    for (name, pages) in &sets {
        let bytes: usize = pages.iter().map(|(_, t)| t.len()).sum();
        let (per_set, _) = time_per_run(|| {
            for (file, text) in pages {
                std::hint::black_box(trialcards_core::parse(file, text));
            }
        });
        let (split, _) = time_per_run(|| {
            for (_, text) in pages {
                std::hint::black_box(text.lines().map(str::len).sum::<usize>());
            }
        });
        let per_page = per_set / pages.len().max(1) as u32;
        let mb_per_s = bytes as f64 / per_set.as_secs_f64() / 1e6;
        let split_mb_per_s = bytes as f64 / split.as_secs_f64() / 1e6;
        println!(
            "{name:<28} {:>6} {bytes:>10} {:>14?} {mb_per_s:>10.1} {split_mb_per_s:>14.1} {:>6.1}%",
            pages.len(),
            per_page,
            100.0 * mb_per_s / split_mb_per_s
        );
    }
    // Our pages as the parse worker reads them: each parse's records then written as JSON
    // (the wasm bench, tests/e2e/bench_parse_wasm.mjs, compares its worker with this).
    if let Some((name, pages)) = sets.iter().find(|(name, _)| name.starts_with("our")) {
        let bytes: usize = pages.iter().map(|(_, t)| t.len()).sum();
        let (per_set, _) = time_per_run(|| {
            for (file, text) in pages {
                let out = trialcards_core::parse(file, text);
                let json = serde_json::to_vec(&out.records).unwrap_or_default();
                std::hint::black_box(json.len());
            }
        });
        let mb_per_s = bytes as f64 / per_set.as_secs_f64() / 1e6;
        println!("{name}, each parse's records written as JSON: {mb_per_s:.1} MB/s");
    }
    // Twenty pages dropped at once, as in the viewer's promise.
    if let Some((_, pages)) = sets.iter().find(|(name, _)| *name == pages_set) {
        let twenty: Vec<_> = pages.iter().cycle().take(20).collect();
        let (t, _) = time_per_run(|| {
            for (file, text) in &twenty {
                std::hint::black_box(trialcards_core::parse(file, text));
            }
        });
        println!("twenty pages at once: {t:?}");
    }
}
