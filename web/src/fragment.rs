//! The view in the page's URL fragment: filters, search and sort (written by the core's
//! [`View::to_fragment`]) plus the trials picked for comparison, so that a reload or a
//! bookmark opens the same view. The address is replaced, not pushed: narrowing the cards
//! does not fill the browser's history.

use trialcards_core::collection::filter::View;
use wasm_bindgen::JsValue;

/// The key of the trials picked for comparison.
const COMPARE_KEY: &str = "compare";

/// What the fragment holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fragment {
    /// Filters, search and sort.
    pub view: View,
    /// The keys of the trials picked for comparison (NCT IDs).
    pub compare: Vec<String>,
}

impl Fragment {
    /// Reads a fragment (with or without its `#`).
    pub fn parse(fragment: &str) -> Self {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let compare = fragment
            .split('&')
            .filter_map(|pair| pair.strip_prefix(COMPARE_KEY)?.strip_prefix('='))
            .flat_map(|keys| keys.split(','))
            .filter(|key| is_key(key))
            .map(str::to_string)
            .collect();
        Fragment {
            view: View::from_fragment(fragment),
            compare,
        }
    }

    /// The fragment without its `#`; empty for the default view.
    pub fn write(&self) -> String {
        let mut fragment = self.view.to_fragment();
        if !self.compare.is_empty() {
            if !fragment.is_empty() {
                fragment.push('&');
            }
            fragment.push_str(COMPARE_KEY);
            fragment.push('=');
            fragment.push_str(&self.compare.join(","));
        }
        fragment
    }
}

/// A trial key as [`crate::trials::Trial::key`] makes them: letters, digits and hyphens.
fn is_key(key: &str) -> bool {
    !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// The fragment of the page's current address.
pub fn current() -> Fragment {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    Fragment::parse(&hash)
}

/// Puts `fragment` into the page's address in place of the current one.
pub fn replace(fragment: &Fragment) {
    let window = gloo::utils::window();
    let location = window.location();
    let written = fragment.write();
    if location.hash().unwrap_or_default().trim_start_matches('#') == written {
        return;
    }
    let path = location.pathname().unwrap_or_default() + &location.search().unwrap_or_default();
    let url = if written.is_empty() {
        path
    } else {
        format!("{path}#{written}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}
