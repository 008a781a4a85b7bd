//! The collection's intake actions gathered and applied together: what arrives, starts or
//! finishes before the page's thread is free again is applied in one [`Action::Batch`], and
//! while files keep coming the batches are at most [`STREAM_MS`] apart, so ten thousand picked
//! files re-render the trials a few times a second, not twenty thousand times.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::UseReducerDispatcher;

use crate::state::{Action, Collection};

/// How long after the last batch the next waits while actions keep coming: each batch
/// re-renders the trials, whose cost grows with the collection.
pub const STREAM_MS: f64 = 150.0;

/// How many times its own cost a batch's re-render waits before the next batch.
const RENDER_SHARE: f64 = 4.0;

/// The longest a batch waits beyond [`STREAM_MS`].
const MAX_WAIT_MS: f64 = 850.0;

/// Gathers actions and dispatches them together once the current task ends.
#[derive(Clone)]
pub struct Batcher {
    queue: Rc<RefCell<Vec<Action>>>,
    dispatcher: UseReducerDispatcher<Collection>,
    /// When the last batch was dispatched (`Date.now()`, in ms), moved later by the cost of
    /// its re-render.
    last: Rc<Cell<f64>>,
}

impl Batcher {
    /// A batcher that dispatches on `dispatcher`.
    pub fn new(dispatcher: UseReducerDispatcher<Collection>) -> Self {
        Self {
            queue: Rc::default(),
            dispatcher,
            last: Rc::new(Cell::new(f64::NEG_INFINITY)),
        }
    }

    /// Queues `action`, to be applied after those queued before it, in a task of its own: at
    /// once after a pause, else [`STREAM_MS`] after the last batch.
    pub fn push(&self, action: Action) {
        let first = {
            let mut queue = self.queue.borrow_mut();
            queue.push(action);
            queue.len() == 1
        };
        if first {
            let since = js_sys::Date::now() - self.last.get();
            let wait = (STREAM_MS - since).clamp(0.0, STREAM_MS + MAX_WAIT_MS) as u32;
            let (queue, dispatcher, last) = (
                self.queue.clone(),
                self.dispatcher.clone(),
                self.last.clone(),
            );
            Timeout::new(wait, move || {
                let actions = std::mem::take(&mut *queue.borrow_mut());
                let started = js_sys::Date::now();
                dispatcher.dispatch(Action::Batch(actions));
                // The re-render runs within the dispatch: a costly one (a large collection)
                // pushes the next batch further out, so rendering stays a fraction of the time.
                let cost = js_sys::Date::now() - started;
                last.set(started + (RENDER_SHARE * cost - STREAM_MS).clamp(0.0, MAX_WAIT_MS));
            })
            .forget();
        }
    }
}
