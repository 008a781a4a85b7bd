//! Prints how long the collection's work takes on 10,000 records: building the search text,
//! matching a query and the filters, sorting, the overview, reconciling, and highlighting in a
//! 1 MB text. The records are our fixtures' records again and again, each copy with its own
//! NCT ID (two copies share one, so reconciling finds groups). Run with
//! `cargo bench -p trialcards-core --bench collection`.

use std::path::Path;
use std::time::{Duration, Instant};

use trialcards_core::collection::filter::View;
use trialcards_core::collection::overview::overview;
use trialcards_core::collection::reconcile::reconcile;
use trialcards_core::collection::search::{Query, SearchText};
use trialcards_core::collection::sort::{order, SortKey};
use trialcards_core::model::Status;
use trialcards_core::Study;

const RECORDS: usize = 10_000;

/// Runs `f` until a second has passed (at least three times); returns the time per run.
fn time_per_run<T>(mut f: impl FnMut() -> T) -> Duration {
    let start = Instant::now();
    let mut runs = 0;
    while start.elapsed() < Duration::from_secs(1) || runs < 3 {
        std::hint::black_box(f());
        runs += 1;
    }
    start.elapsed() / runs
}

/// Our fixtures' records, as their expected outputs (`*.expected.json`) hold them.
fn fixture_records() -> Vec<Study> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.to_string_lossy().ends_with(".expected.json"));
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        if let Ok(parsed) = serde_json::from_str::<trialcards_core::ParseOutput>(&text) {
            out.extend(parsed.records);
        }
    }
    out
}

fn main() {
    let base = fixture_records();
    assert!(!base.is_empty(), "no fixture records");
    let records: Vec<Study> = (0..RECORDS)
        .map(|i| {
            let mut s = base[i % base.len()].clone();
            s.protocol_section.identification_module.nct_id = Some(format!("NCT{:08}", i / 2));
            s
        })
        .collect();
    let studies: Vec<&Study> = records.iter().collect();
    let bytes: usize = records
        .iter()
        .map(|s| serde_json::to_string(s).map_or(0, |j| j.len()))
        .sum();
    println!(
        "{RECORDS} records ({} fixture records repeated, {:.1} MB as JSON)",
        base.len(),
        bytes as f64 / 1e6
    );

    let t = time_per_run(|| {
        studies
            .iter()
            .map(|s| SearchText::of(s))
            .collect::<Vec<_>>()
    });
    println!("{:<44} {t:>12?}", "search text of every record");
    let texts: Vec<SearchText> = studies.iter().map(|s| SearchText::of(s)).collect();
    let held: usize = texts
        .iter()
        .flat_map(|t| t.sections().map(|(_, s)| s.len()))
        .sum();
    println!("{:<44} {:>9.1} MB", "  text held", held as f64 / 1e6);

    for (what, search) in [
        ("query: two words (many match)", "stromal cells"),
        ("query: a phrase and a word", "\"cartilage defect\" navarro"),
        ("query: a word nothing has", "zzqqxx"),
    ] {
        let view = View {
            search: search.to_string(),
            ..View::default()
        };
        let mut kept = 0;
        let t = time_per_run(|| {
            let m = view.matcher();
            kept = (0..studies.len())
                .filter(|&i| m.matches(studies[i], &texts[i]))
                .count();
        });
        println!("{what:<44} {t:>12?}   ({kept} kept)");
    }
    let view = View::from_fragment("status=RECRUITING,COMPLETED&age=40&sex=FEMALE&q=cells");
    let mut kept = 0;
    let t = time_per_run(|| {
        let m = view.matcher();
        kept = (0..studies.len())
            .filter(|&i| m.matches(studies[i], &texts[i]))
            .count();
    });
    println!(
        "{:<44} {t:>12?}   ({kept} kept)",
        "filters: status, age, sex and a word"
    );
    assert!(view.statuses.contains(&Status::Recruiting));

    for key in [SortKey::Title, SortKey::StartDate, SortKey::Status] {
        let t = time_per_run(|| order(&studies, key, false));
        println!("{:<44} {t:>12?}", format!("sort by {}", key.label()));
    }

    let t = time_per_run(|| overview(&studies));
    println!("{:<44} {t:>12?}", "overview");

    let keyed: Vec<(usize, &Study)> = studies.iter().copied().enumerate().collect();
    let mut groups = 0;
    let t = time_per_run(|| {
        let g = reconcile(&keyed);
        groups = g.len();
        g
    });
    println!("{:<44} {t:>12?}   ({groups} groups)", "reconcile");
    let t = time_per_run(|| {
        studies
            .iter()
            .map(|s| {
                trialcards_core::collection::fields::compared()
                    .filter_map(|f| f.value(s))
                    .count()
            })
            .sum::<usize>()
    });
    println!("{:<44} {t:>12?}", "  (every field's value of every record)");

    // Highlighting: a 1 MB description, and a worst case where every position starts a match.
    let description = records
        .iter()
        .filter_map(|s| {
            s.protocol_section
                .description_module
                .brief_summary
                .as_deref()
        })
        .cycle()
        .take(20_000)
        .collect::<Vec<_>>()
        .join("\n");
    let mut end = description.len().min(1 << 20);
    while !description.is_char_boundary(end) {
        end -= 1;
    }
    let text = &description[..end];
    let q = Query::parse("cells \"stromal cells\" study");
    let mut ranges = 0;
    let t = time_per_run(|| {
        let r = q.find_in(text);
        ranges = r.len();
        r
    });
    println!(
        "{:<44} {t:>12?}   ({ranges} ranges)",
        "highlight in 1 MB of summaries"
    );
    let text = "a".repeat(1 << 20);
    let q = Query::parse(&format!("{} a", "a".repeat(200)));
    let t = time_per_run(|| q.find_in(&text));
    println!(
        "{:<44} {t:>12?}",
        "highlight in 1 MB where every byte matches"
    );
}
