//! Mounts the trialcards viewer on the page, in place of the shell if one was drawn.

fn main() {
    trialcards_web::handoff::end_shell();
    yew::Renderer::<trialcards_web::App>::new().render();
}
