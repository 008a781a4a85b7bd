//! The trialcards viewer: a Yew app over `trialcards-core`. Pages come in by
//! paste, file picker or drop, the core turns them into records, and each record is
//! shown as a card. Nothing leaves the browser.

mod app;
pub mod components;
pub mod intake;
pub mod state;

pub use app::App;
