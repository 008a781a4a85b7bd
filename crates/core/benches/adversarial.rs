//! Prints how long hostile inputs take to parse (`cargo bench -p trialcards-core --bench
//! adversarial`): each must stay well under a second, and none may overflow the stack.

use std::time::{Duration, Instant};

mod adversarial_inputs;

fn main() {
    println!(
        "{:<38} {:>10} {:>10} {:>8} {:>9}",
        "hostile input", "bytes", "parse", "records", "MB/s"
    );
    for input in adversarial_inputs::all(1) {
        let mut best = Duration::MAX;
        let mut records = 0;
        for _ in 0..3 {
            let start = Instant::now();
            let out = std::hint::black_box(trialcards_core::parse("hostile.txt", &input.text));
            best = best.min(start.elapsed());
            records = out.records.len();
        }
        println!(
            "{:<38} {:>10} {:>8.1}ms {:>8} {:>9.1}",
            input.name,
            input.text.len(),
            best.as_secs_f64() * 1000.0,
            records,
            input.text.len() as f64 / best.as_secs_f64() / 1e6
        );
    }
}
