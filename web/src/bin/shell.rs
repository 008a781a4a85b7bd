//! Mounts the shell, the first visit's small page (see `trialcards_web::handoff`): it ends
//! when the viewer loads.
//!
//! The shell draws into an element of its own, taken out of the page when it ends: Yew listens
//! for events on the element it renders into, and on `<body>`, where the viewer renders, the
//! shell's listeners would take the viewer's events for their own. The shell is not destroyed:
//! a file dialog it opened may still give it files, which it hands over as before.

fn main() {
    let document = gloo::utils::document();
    let root = document
        .create_element("div")
        .expect("a div can be created");
    root.set_id("trialcards-shell");
    let _ = gloo::utils::body().append_child(&root);
    // The app lives as long as the page (its handle is never dropped).
    let app = yew::Renderer::<trialcards_web::shell::Shell>::with_root(root.clone()).render();
    std::mem::forget(app);
    trialcards_web::handoff::on_end_shell(move || root.remove());
}
