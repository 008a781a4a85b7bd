//! Working with many records at once: finding them ([`search`], [`filter`], [`sort`]), which
//! trials a view shows ([`shown`]) and what its filters offer ([`facets`]), the
//! picture of a collection ([`overview`]), and setting records side by side — different
//! trials ([`compare`]) or the same trial read from several sources ([`reconcile`]). The
//! fields both of those show, with their labels, are listed once in [`fields`], and CT.gov
//! codes read as words through [`words`], and the links a card makes of values through
//! [`links`]. A loaded source is kept in the browser as the
//! entry [`kept`] writes and reads back.
//!
//! Pure functions over [`Study`](crate::Study) values: the web app and the CLI share them.

pub mod compare;
pub mod facets;
pub mod fields;
pub mod filter;
pub mod kept;
pub mod links;
pub mod overview;
pub mod reconcile;
pub mod search;
pub mod shown;
pub mod sort;
pub mod source_view;
pub mod words;

#[cfg(test)]
pub(crate) mod test_records;

// Shared with `tests/collection.rs`, which cannot see test-only modules.
#[cfg(test)]
#[path = "../../tests/support/json_leaves.rs"]
mod json_leaves;
