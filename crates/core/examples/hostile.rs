//! Parses one hostile input of the adversarial set, chosen by its index, and prints how long
//! each stage takes (for profiling: `perf record target/release/examples/hostile 5`).
#[path = "../benches/adversarial_inputs.rs"]
mod adversarial_inputs;

fn main() {
    let index: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(0);
    let input = &adversarial_inputs::all(1)[index];
    let out = stages(&input.text);
    let unrec: usize = out
        .records
        .iter()
        .map(|r| r.trialcards.unrecognized.len())
        .sum();
    let diags: usize = out
        .records
        .iter()
        .map(|r| r.trialcards.diagnostics.len())
        .sum();
    println!(
        "{}: {} records, {} unrecognized lines, {} record notes, {} input notes",
        input.name,
        out.records.len(),
        unrec,
        diags,
        out.diagnostics.len()
    );
}

/// Runs the parser's stages one at a time, then the whole parse, printing each time; returns
/// the parse's output.
fn stages(text: &str) -> trialcards_core::ParseOutput {
    let t = std::time::Instant::now();
    let n = trialcards_core::input::normalize::normalize(text);
    eprintln!("normalize {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let lines = trialcards_core::testing::scan(&n);
    eprintln!("scan {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let pages = trialcards_core::testing::detect_pages(&lines);
    eprintln!("detect {:?} {}", t.elapsed(), pages.len());
    let t = std::time::Instant::now();
    let out = trialcards_core::parse("hostile.txt", text);
    eprintln!("parse {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let j = serde_json::to_string(&out).unwrap();
    eprintln!("json {:?} {}", t.elapsed(), j.len());
    out
}
