//! One component per file.

mod card;
mod card_list;
mod file_picker;
mod paste_box;
mod sources_list;

pub use card::{Card, CardProps};
pub use card_list::{CardList, CardListProps};
pub use file_picker::{FilePicker, FilePickerProps};
pub use paste_box::{PasteBox, PasteBoxProps};
pub use sources_list::{SourcesList, SourcesListProps};
