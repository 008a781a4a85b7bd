//! Words for the card: CT.gov codes as people read them, and the status's meaning
//! (which drives its badge colour; the badge always carries the words too).

use trialcards_core::model::{CtEnum, Status};

// Codes in words: the core's wording, so a card, a filter, the comparison table and the search
// all read a value the same way ("Active, not recruiting", "Phase 1", "Unknown status").
pub use trialcards_core::collection::words::{code_words, phase_words, words};

/// What a status means for someone looking for a trial; names the badge's CSS class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusMeaning {
    /// Taking participants now.
    Recruiting,
    /// Will take participants later.
    NotYet,
    /// Running, not taking participants.
    Active,
    /// Finished as planned.
    Completed,
    /// Ended early, paused or withdrawn.
    Stopped,
    /// Not known.
    Unknown,
}

impl StatusMeaning {
    /// The meaning of a CT.gov overall status.
    pub fn of(status: Status) -> Self {
        match status.code() {
            "RECRUITING" | "ENROLLING_BY_INVITATION" | "AVAILABLE" => Self::Recruiting,
            "NOT_YET_RECRUITING" => Self::NotYet,
            "ACTIVE_NOT_RECRUITING" => Self::Active,
            "COMPLETED" | "APPROVED_FOR_MARKETING" => Self::Completed,
            "UNKNOWN" => Self::Unknown,
            _ => Self::Stopped,
        }
    }

    /// The CSS class of its badge.
    pub fn class(self) -> &'static str {
        match self {
            Self::Recruiting => "status-recruiting",
            Self::NotYet => "status-not-yet",
            Self::Active => "status-active",
            Self::Completed => "status-completed",
            Self::Stopped => "status-stopped",
            Self::Unknown => "status-unknown",
        }
    }
}

/// The layout names the parser reports, as a reader knows the sites.
pub fn layout_words(layout: &str) -> String {
    trialcards_core::Layout::named(layout)
        .map(|l| l.words().to_string())
        .unwrap_or_else(|| words(layout))
}

/// A count with thousands separators, as people read large numbers: 13955 → "13,955".
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}
