//! "Clear all": a button that asks first, in a modal `<dialog>` (focus moves to its Cancel
//! button; Escape cancels), then empties the collection and what this browser kept.

use wasm_bindgen::JsCast;
use web_sys::{HtmlDialogElement, HtmlElement};
use yew::prelude::*;

/// Props of [`ClearAll`].
#[derive(Properties, PartialEq)]
pub struct ClearAllProps {
    /// Called when the user confirms.
    pub on_clear: Callback<()>,
}

/// The button and its confirmation.
#[component]
pub fn ClearAll(props: &ClearAllProps) -> Html {
    let dialog = use_node_ref();
    let cancel_button = use_node_ref();
    let open = {
        let (dialog, cancel_button) = (dialog.clone(), cancel_button.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                if dialog.show_modal().is_ok() {
                    if let Some(button) = cancel_button.cast::<HtmlElement>() {
                        let _ = button.focus();
                    }
                }
            }
        })
    };
    let cancel = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                dialog.close();
            }
        })
    };
    let clear = {
        let (dialog, on_clear) = (dialog.clone(), props.on_clear.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                dialog.close();
            }
            on_clear.emit(());
            // The button is gone with the list: new input starts at the paste box.
            if let Some(paste) = gloo::utils::document()
                .get_element_by_id("paste-input")
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            {
                let _ = paste.focus();
            }
        })
    };
    html! {
        <>
            <button type="button" class="secondary clear-all" aria-haspopup="dialog" onclick={open}>
                { "Clear all" }
            </button>
            <dialog ref={dialog} class="confirm" aria-labelledby="clear-all-title" aria-describedby="clear-all-text">
                <h2 id="clear-all-title">{ "Clear everything?" }</h2>
                <p id="clear-all-text">
                    { "This removes every source and card from this page and from this browser's storage. \
                       It cannot be undone." }
                </p>
                <div class="confirm-actions">
                    <button type="button" class="secondary" ref={cancel_button} onclick={cancel}>{ "Cancel" }</button>
                    <button type="button" class="danger" onclick={clear}>{ "Clear" }</button>
                </div>
            </dialog>
        </>
    }
}
