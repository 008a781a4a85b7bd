//! The file picker: the keyboard user's way to the same thing a drop does.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::intake::ACCEPTED_EXTENSIONS;

/// Props of [`FilePicker`].
#[derive(Properties, PartialEq)]
pub struct FilePickerProps {
    /// Called with the files of each choice, named, in the order chosen (read with
    /// [`crate::intake::read_files`]).
    pub on_files: Callback<Vec<(String, web_sys::File)>>,
}

/// A labelled `<input type="file" multiple>` offering the kinds trialcards reads.
#[component]
pub fn FilePicker(props: &FilePickerProps) -> Html {
    let onchange = {
        let on_files = props.on_files.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let files = input
                .files()
                .map(|list| {
                    (0..list.length())
                        .filter_map(|i| list.get(i))
                        .map(|f| (f.name(), f))
                        .collect()
                })
                .unwrap_or_default();
            // Cleared so that choosing the same file again is a change too.
            input.set_value("");
            on_files.emit(files);
        })
    };
    html! {
        <div class="file-picker">
            <input id="file-input" class="visually-hidden-input" type="file" multiple=true
                accept={ACCEPTED_EXTENSIONS.join(",")} {onchange} />
            <label for="file-input" class="button">{ "Choose files…" }</label>
            <p class="hint">{ "…or drop files or folders anywhere on the page." }</p>
        </div>
    }
}
