//! Every pass is linear (ARCHITECTURE.md): each family of hostile inputs
//! (`benches/adversarial_inputs.rs`) is parsed at a size n, 2n and 4n, and the work must grow
//! about as the input does.
//!
//! Work is measured two ways. Deterministically, as the bytes the parse allocates on this
//! thread (a counting allocator; the same input always allocates the same): a pass that builds
//! a string per pair of items grows quadratically here, and a doubling may allocate at most
//! 2.6× as much. And by time, best of three runs per size (the sizes interleaved, so a busy
//! machine slows all alike), from a size whose first run takes at least 25 ms: a doubling may
//! cost at most 3.5× as much, and 4× the size at most twice the input's growth (a quadratic
//! pass costs 4× per doubling) — generous, so a loaded machine does not fail it, while a
//! search through a list inside a loop, which allocates nothing, still shows. Both are compared
//! with the growth of the input's bytes, since some families (nesting) grow faster than their
//! count.
//! `cargo test -p trialcards-core --test linear -- --nocapture` prints the table.

#[path = "../benches/adversarial_inputs.rs"]
mod adversarial_inputs;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::time::{Duration, Instant};

/// The system allocator, counting the bytes each thread allocates.
struct Counting;

thread_local! {
    static ALLOCATED: Cell<u64> = const { Cell::new(0) };
}

fn count(bytes: usize) {
    // `try_with`: no count while the thread's locals are being torn down.
    let _ = ALLOCATED.try_with(|a| a.set(a.get() + bytes as u64));
}

// SAFETY: every call is passed on to the system allocator unchanged; counting allocates nothing.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Parses `text` once; returns the time it took and the bytes it allocated.
fn parse_once(text: &str) -> (Duration, u64) {
    let before = ALLOCATED.with(Cell::get);
    let start = Instant::now();
    let out = std::hint::black_box(trialcards_core::parse("hostile.txt", text));
    let took = start.elapsed();
    let allocated = ALLOCATED.with(Cell::get) - before;
    drop(out);
    (took, allocated)
}

/// How much more a doubling of the input may cost, in time.
const TIME_FACTOR: f64 = 3.5;
/// How much more a doubling of the input may allocate (linear growth gives about 2×).
const ALLOC_FACTOR: f64 = 2.6;
/// How long the parse at the first size must take (its first run).
const MIN_TIME: Duration = Duration::from_millis(25);
/// The shortest best-of-three time judged (shorter runs say more about the machine).
const JUDGED_TIME: Duration = Duration::from_millis(10);

/// What one family's measurement found: its table row, and what grew too fast (by time, which
/// a busy machine can disturb, and by bytes allocated, which nothing disturbs).
struct Measured {
    row: String,
    slow: Vec<String>,
    allocating: Vec<String>,
}

/// Parses `family` at n, 2n and 4n (n the smallest size, from 1/64 of the benchmark's and
/// doubling, whose parse takes 25 ms), three times each, and judges the growth.
fn measure(family: &adversarial_inputs::Family) -> Measured {
    let mut n = (family.full / 64).max(1);
    while parse_once(&(family.build)(n)).0 < MIN_TIME && n < family.full * 8 {
        n *= 2;
    }
    let texts: Vec<String> = [n, 2 * n, 4 * n]
        .iter()
        .map(|&k| (family.build)(k))
        .collect();
    let mut best = [Duration::MAX; 3];
    let mut allocated = [0u64; 3];
    for _ in 0..3 {
        for (k, text) in texts.iter().enumerate() {
            let (took, bytes) = parse_once(text);
            best[k] = best[k].min(took);
            allocated[k] = bytes;
        }
    }
    let ratio = |a: f64, b: f64| b / a.max(1e-9);
    let (mut slow, mut allocating) = (Vec::new(), Vec::new());
    let mut cells = (String::new(), String::new());
    for k in 1..3 {
        let input = ratio(texts[k - 1].len() as f64, texts[k].len() as f64);
        let time = ratio(best[k - 1].as_secs_f64(), best[k].as_secs_f64());
        let alloc = ratio(allocated[k - 1] as f64, allocated[k] as f64);
        cells.0 += &format!(" {time:>5.2}");
        cells.1 += &format!(" {alloc:>5.2}");
        // Judged per doubling of the input: the allowed factor, to the power of the doublings
        // this step made (1 for most families, 2 where the input grows as the square).
        let doublings = input.log2();
        if time > TIME_FACTOR.powf(doublings) && best[k - 1] >= JUDGED_TIME {
            slow.push(format!(
                "{}: {time:.2}× the time for {input:.2}× the input ({:?} → {:?})",
                family.name,
                best[k - 1],
                best[k]
            ));
        }
        if alloc > ALLOC_FACTOR.powf(doublings) {
            allocating.push(format!(
                "{}: {alloc:.2}× the bytes allocated for {input:.2}× the input ({} → {})",
                family.name,
                allocated[k - 1],
                allocated[k]
            ));
        }
    }
    // Over the whole span (4× the count), at most twice the input's growth: a linear pass
    // gives 1×, a quadratic one 4×.
    let input = ratio(texts[0].len() as f64, texts[2].len() as f64);
    let time = ratio(best[0].as_secs_f64(), best[2].as_secs_f64());
    if time > 2.0 * input && best[0] >= JUDGED_TIME {
        slow.push(format!(
            "{}: {time:.2}× the time for {input:.2}× the input ({:?} → {:?})",
            family.name, best[0], best[2]
        ));
    }
    let row = format!(
        "{:<48} {n:>8} {:>10} {:>7.1}ms {:>13} {:>13}",
        family.name,
        texts[0].len(),
        best[0].as_secs_f64() * 1000.0,
        cells.0,
        cells.1
    );
    Measured {
        row,
        slow,
        allocating,
    }
}

/// How often a family whose time alone grew too fast is measured again: a quadratic pass is
/// slow every time, a busy machine seldom three times running.
const TIME_ATTEMPTS: usize = 3;

#[test]
fn every_hostile_family_grows_linearly() {
    let mut table = vec![format!(
        "{:<48} {:>8} {:>10} {:>9} {:>13} {:>13}",
        "hostile input", "n", "bytes n", "time n", "time ×2n,×4n", "alloc ×2n,×4n"
    )];
    let mut failures = Vec::new();
    for family in adversarial_inputs::families() {
        let mut m = measure(&family);
        for _ in 1..TIME_ATTEMPTS {
            if m.slow.is_empty() || !m.allocating.is_empty() {
                break;
            }
            m = measure(&family);
        }
        table.push(m.row);
        failures.extend(m.slow);
        failures.extend(m.allocating);
    }
    println!("{}", table.join("\n"));
    assert!(
        failures.is_empty(),
        "work that grows faster than the input (every pass must be linear):\n{}\n\n{}",
        failures.join("\n"),
        table.join("\n")
    );
}
