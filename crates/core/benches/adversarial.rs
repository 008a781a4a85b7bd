//! Prints how long hostile inputs take to parse (`cargo bench -p trialcards-core --bench
//! adversarial`): each must stay well under a second, and none may overflow the stack.

use std::time::{Duration, Instant};

mod adversarial_inputs;

/// What an input gave, in a few words: records, and the most telling of their contents.
fn produced(out: &trialcards_core::ParseOutput) -> String {
    let unrecognized: usize = out
        .records
        .iter()
        .map(|r| r.trialcards.unrecognized.len())
        .sum();
    let criteria: usize = out
        .records
        .iter()
        .filter_map(|r| r.trialcards.criteria.as_ref())
        .map(|c| c.inclusion.len() + c.exclusion.len())
        .sum();
    let mut parts = vec![format!("{} records", out.records.len())];
    if criteria > 0 {
        parts.push(format!("{criteria} top-level criteria"));
    }
    if unrecognized > 0 {
        parts.push(format!("{unrecognized} lines kept as unrecognised"));
    }
    if let Some(d) = out.diagnostics.first() {
        let message: String = d.message.chars().take(70).collect();
        parts.push(format!("\"{message}…\""));
    }
    parts.join(", ")
}

fn main() {
    println!(
        "{:<38} {:>10} {:>10} {:>9}  produced",
        "hostile input", "bytes", "parse", "MB/s"
    );
    for input in adversarial_inputs::all(1) {
        let mut best = Duration::MAX;
        let mut last = None;
        for _ in 0..3 {
            let start = Instant::now();
            let out = std::hint::black_box(trialcards_core::parse("hostile.txt", &input.text));
            best = best.min(start.elapsed());
            last = Some(out);
        }
        println!(
            "{:<38} {:>10} {:>8.1}ms {:>9.1}  {}",
            input.name,
            input.text.len(),
            best.as_secs_f64() * 1000.0,
            input.text.len() as f64 / best.as_secs_f64() / 1e6,
            last.as_ref().map(produced).unwrap_or_default()
        );
    }
}
