//! The "Paste registry text" box: every paste becomes a new source.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props of [`PasteBox`].
#[derive(Properties, PartialEq)]
pub struct PasteBoxProps {
    /// Called with the pasted (or typed and submitted) text.
    pub on_paste: Callback<String>,
}

/// A textarea that hands each paste to `on_paste` and stays empty for the next one.
/// Typed text is handed over with the "Read text" button.
#[component]
pub fn PasteBox(props: &PasteBoxProps) -> Html {
    let textarea = use_node_ref();
    let onpaste = {
        let on_paste = props.on_paste.clone();
        Callback::from(move |event: Event| {
            let Some(data) = event
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(|e| e.clipboard_data())
            else {
                return;
            };
            let text = data.get_data("text/plain").unwrap_or_default();
            if !text.trim().is_empty() {
                event.prevent_default();
                on_paste.emit(text);
            }
        })
    };
    let onclick = {
        let on_paste = props.on_paste.clone();
        let textarea = textarea.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = textarea.cast::<HtmlTextAreaElement>() {
                let text = area.value();
                if !text.trim().is_empty() {
                    area.set_value("");
                    on_paste.emit(text);
                }
            }
        })
    };
    html! {
        <div class="paste-box">
            <label for="paste-input">{ "Paste registry text" }</label>
            <textarea id="paste-input" ref={textarea} rows="6"
                placeholder="Copy a trial page (Ctrl+A, Ctrl+C) and paste it here (Ctrl+V)"
                {onpaste} />
            <button type="button" class="secondary" {onclick}>{ "Read typed text" }</button>
        </div>
    }
}

use wasm_bindgen::JsCast;
