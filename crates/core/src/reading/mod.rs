//! The reading layer every page reader stands on: how sites present a trial's data, whatever
//! the site. Labelled pairs in every arrangement ([`pairs`]), labels and values glued together
//! when a page lost its line breaks ([`glue`]), values shown with no label at all ([`badges`]),
//! the site's own chrome ([`chrome`]), the page's title ([`title`]), tables whose header row
//! names the fields ([`table`]), a record the page embeds as data ([`embedded`]), and the line
//! span each value was read from ([`spans`]). Readers keep their layout knowledge (a site's headings and
//! their order) and ask these modules for the rest.

pub(crate) mod arms;
pub(crate) mod badges;
pub(crate) mod chrome;
pub(crate) mod embedded;
pub(crate) mod glue;
pub(crate) mod pairs;
pub(crate) mod spans;
pub(crate) mod table;
pub(crate) mod title;
