//! Words for the views, all the core's ([`trialcards_core::collection::words`]): CT.gov codes
//! as people read them, counts, layouts, and what a status means (which drives its badge
//! colour; the badge always carries the words too). Re-exported here so every view reads a
//! value the same way ("Active, not recruiting", "Phase 1", "13,955").

pub use trialcards_core::collection::words::{
    clip, code_words, count, counted, layout_words, phase_words, shown_count, words, StatusMeaning,
};
