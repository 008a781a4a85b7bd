//! The trialcards viewer: a Yew app over `trialcards-core`. Pages come in by
//! paste, file picker or drop, a Web Worker runs the core to turn them into records, and each record is
//! shown as a card. Nothing leaves the browser; what is loaded is kept in it (IndexedDB).

mod app;
pub mod batch;
pub mod components;
pub mod display;
pub mod examples;
pub mod file_reads;
pub mod fragment;
pub mod hand_on;
pub mod handoff;
pub mod highlight;
pub mod intake;
pub mod keep;
pub mod pane_state;
pub mod shell;
pub mod slicer;
pub mod state;
pub mod storage;
pub mod trials;
pub mod worker;

pub use app::App;
