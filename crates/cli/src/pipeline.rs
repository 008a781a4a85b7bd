//! Runs the units of work of the inputs on `-j` threads (rayon) and hands what they gave to
//! the writer in input order. Units are taken a batch at a time — up to [`UNITS_PER_THREAD`] a
//! thread, and no more than [`BATCH_BYTES`] of text — so that memory stays a batch's
//! whatever the number and size of the inputs, while the threads parse a batch in parallel.

use rayon::prelude::*;

use crate::inputs::{Done, Work};

/// The most text a batch holds beyond its first unit.
const BATCH_BYTES: usize = 32 << 20;

/// The most units a batch holds, per thread (many small files, or an archive's members, are
/// parsed a few per thread between two writes).
const UNITS_PER_THREAD: usize = 8;

/// Runs every unit of `units` on a pool of `jobs` threads (at least one), turns what it gave
/// into output with `render` on the same thread, and calls `each` with that output in the
/// order of `units`. Stops at the first error `each` returns.
pub fn run<T: Send, E>(
    jobs: usize,
    mut units: impl Iterator<Item = Work>,
    render: impl Fn(Done) -> T + Sync,
    mut each: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    let jobs = jobs.max(1);
    // One job runs on this thread; a pool that cannot be built does the same.
    let pool = match jobs {
        1 => None,
        _ => rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build()
            .ok(),
    };
    loop {
        let mut batch = Vec::new();
        let mut bytes = 0;
        while batch.len() < UNITS_PER_THREAD * jobs && (batch.is_empty() || bytes < BATCH_BYTES) {
            let Some(unit) = units.next() else { break };
            bytes += unit.size();
            batch.push(unit);
        }
        if batch.is_empty() {
            return Ok(());
        }
        let work = |unit: Work| render(unit.run());
        let done: Vec<T> = match &pool {
            Some(pool) => pool.install(|| batch.into_par_iter().map(work).collect()),
            None => batch.into_iter().map(work).collect(),
        };
        for result in done {
            each(result)?;
        }
    }
}
