//! Long work on the page's thread in slices: writing a kept source and reading it back yield
//! to the browser between records, so that a 25 MB source does not freeze the tab.

/// How long writing or reading back may hold the page's thread before it yields.
pub const SLICE_MS: f64 = 50.0;

/// Lets the page breathe during long work: [`Slicer::pause`] yields to the browser (a
/// macrotask: the page paints, timers run) once [`SLICE_MS`] have passed since the last time.
#[derive(Debug)]
pub struct Slicer {
    since: f64,
}

impl Slicer {
    /// Starts measuring now.
    pub fn new() -> Self {
        Self {
            since: js_sys::Date::now(),
        }
    }

    /// Yields if this slice has lasted long enough.
    pub async fn pause(&mut self) {
        if js_sys::Date::now() - self.since > SLICE_MS {
            gloo::timers::future::TimeoutFuture::new(0).await;
            self.since = js_sys::Date::now();
        }
    }
}

impl Default for Slicer {
    fn default() -> Self {
        Self::new()
    }
}
