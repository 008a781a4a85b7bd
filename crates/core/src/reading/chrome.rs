//! Site chrome: the lines a site prints around every trial (its name, menus, breadcrumbs,
//! "Back to results", cookie banners, footers), recognised by their shape. Chrome is never a
//! title or a value; readers still list it as unplaced text.

use crate::lines::normalize_label;

/// Navigation and banner phrases sites print as a line of their own (normalised).
const PHRASES: &[&str] = &[
    "search",
    "advanced search",
    "study record",
    "search trials",
    "search again",
    "new search",
    "refine search",
    "menu",
    "main menu",
    "open menu",
    "close menu",
    "toggle navigation",
    "navigation",
    "back",
    "back to results",
    "back to search",
    "back to search results",
    "back to list",
    "return to results",
    "return to search results",
    "skip to main content",
    "skip to content",
    "skip navigation",
    "skip navigation links",
    "you are here",
    "home",
    "sign in",
    "sign up",
    "log in",
    "login",
    "logout",
    "log out",
    "register",
    "my account",
    "share",
    "share this",
    "share this page",
    "share this trial",
    "print",
    "print this page",
    "email this page",
    "email",
    "save",
    "save trial",
    "save this trial",
    "download",
    "loading",
    "working",
    "close",
    "accept",
    "accept all",
    "accept cookies",
    "reject all",
    "decline",
    "cookie settings",
    "manage cookies",
    "manage preferences",
    "got it",
    "ok",
    "subscribe",
    "newsletter",
    "contact",
    "contact us",
    "about",
    "about us",
    "help",
    "faq",
    "faqs",
    "privacy",
    "privacy policy",
    "privacy notice",
    "terms",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "cookie policy",
    "cookies",
    "sitemap",
    "site map",
    "accessibility",
    "accessibility statement",
    "about this site",
    "about this website",
    "about the site",
    "cookie statement",
    "cookie notice",
    "data protection",
    "site policies",
    "disclaimer",
    "back to home",
    "return to top",
    "legal",
    "legal notice",
    "imprint",
    "previous",
    "next",
    "previous trial",
    "next trial",
    "top",
    "back to top",
    "go to top",
    "scroll to top",
    "view all",
    "show more",
    "show less",
    "read more",
    "see more",
    "see all",
    "expand all",
    "collapse all",
    "full info",
    "overview",
    "tabular view",
    "print view",
    "feedback",
    "language",
    "english",
    "follow us",
    "powered by",
    "advertisement",
    "sponsored",
];

/// Words menus are made of; a line of several such words is a menu.
const MENU_WORDS: &[&str] = &[
    "home",
    "trials",
    "studies",
    "search",
    "about",
    "contact",
    "news",
    "blog",
    "resources",
    "login",
    "sign",
    "in",
    "up",
    "log",
    "register",
    "help",
    "faq",
    "patients",
    "researchers",
    "sponsors",
    "sites",
    "for",
    "find",
    "a",
    "trial",
    "study",
    "browse",
    "conditions",
    "locations",
    "privacy",
    "terms",
    "policy",
    "cookie",
    "cookies",
    "use",
    "of",
    "us",
    "careers",
    "press",
    "partners",
    "menu",
    "team",
    "services",
    "pricing",
    "docs",
    "api",
    "data",
    "datasets",
    "explore",
    "my",
    "account",
    "dashboard",
    "support",
    "and",
    "&",
];

/// Whether `text` (one trimmed line) is site chrome rather than content.
pub(crate) fn is_chrome(text: &str) -> bool {
    let text = text.trim_matches(|c: char| c == '|' || c == '#' || c.is_whitespace());
    if text.is_empty() || text.len() > 300 {
        return false;
    }
    let norm = normalize_label(text);
    if norm.is_empty() {
        // Decoration only: "»", "—", "…".
        return !text.chars().any(char::is_alphanumeric);
    }
    PHRASES.contains(&norm.as_str())
        || is_banner(&norm)
        || is_footer(text, &norm)
        || is_cookie_banner(&norm)
        || is_breadcrumb(text)
        || is_menu(text)
        || is_domain(text)
}

/// Openings of the lines a site prints above its page: skip links and government banners.
const BANNER_OPENINGS: &[&str] = &[
    "skip to ",
    "jump to ",
    "go to main content",
    "an official website of ",
    "official websites use ",
    "here s how you know",
    "secure websites use ",
];

/// A skip link or a site's banner ("Skip to main page content", "An official website of the
/// United States government").
fn is_banner(norm: &str) -> bool {
    norm.split(' ').count() <= 12 && BANNER_OPENINGS.iter().any(|o| norm.starts_with(o))
}

/// Whether `text` (one trimmed line) is a footer's: a copyright or rights line, or one naming
/// the site's policies (the page before ends with it, no page starts with it).
pub(crate) fn is_footer_line(text: &str) -> bool {
    let norm = normalize_label(text);
    is_footer(text, &norm) || norm.contains("terms of use") || norm == "privacy"
}

/// A copyright or rights line.
fn is_footer(text: &str, norm: &str) -> bool {
    text.starts_with('©')
        || norm.starts_with("copyright ")
        || norm.contains("all rights reserved")
        || (norm.contains("privacy policy") && norm.split(' ').count() <= 12)
}

/// A cookie or consent banner sentence.
fn is_cookie_banner(norm: &str) -> bool {
    norm.contains("cookie")
        && [
            "use",
            "accept",
            "consent",
            "policy",
            "experience",
            "settings",
        ]
        .iter()
        .any(|w| norm.split(' ').any(|x| x == *w))
}

/// "Home > Trials > Cell therapy", "Home / Studies / NCT…", "Home › Search".
fn is_breadcrumb(text: &str) -> bool {
    for sep in [" > ", " › ", " » ", " / ", " - > "] {
        let parts: Vec<&str> = text.split(sep).collect();
        if parts.len() >= 2 {
            let first = normalize_label(parts[0]);
            let short = parts.iter().all(|p| p.split_whitespace().count() <= 8);
            if short
                && (first == "home" || first == "start" || parts.len() >= 3 && first.len() < 20)
            {
                return matches!(first.as_str(), "home" | "start" | "trials" | "search")
                    || parts.len() >= 3;
            }
        }
    }
    false
}

/// A menu: three or more short items (split by ` | `, ` · ` or runs of spaces), most of them
/// menu words.
fn is_menu(text: &str) -> bool {
    let items: Vec<&str> = if text.contains(" | ") {
        text.split(" | ").collect()
    } else if text.contains(" · ") {
        text.split(" · ").collect()
    } else if text.contains("  ") {
        text.split("  ").filter(|p| !p.trim().is_empty()).collect()
    } else {
        let words: Vec<&str> = text.split_whitespace().collect();
        // "Home Trials About Contact": every word a menu word, each capitalised.
        if words.len() >= 4
            && words.iter().all(|w| {
                w.starts_with(|c: char| c.is_uppercase())
                    && MENU_WORDS.contains(&normalize_label(w).as_str())
            })
        {
            return true;
        }
        return false;
    };
    if items.len() < 3 {
        return false;
    }
    let menu_like = items
        .iter()
        .filter(|item| {
            let norm = normalize_label(item);
            !norm.is_empty()
                && norm.split(' ').count() <= 3
                && (PHRASES.contains(&norm.as_str())
                    || norm.split(' ').all(|w| MENU_WORDS.contains(&w)))
        })
        .count();
    menu_like * 2 > items.len()
}

/// A bare domain name: "trials.example.org", "www.site.com".
fn is_domain(text: &str) -> bool {
    // An e-mail address (a contact's) is no domain.
    !text.contains(char::is_whitespace)
        && !text.contains('@')
        && text.len() < 60
        && [
            ".com", ".org", ".net", ".gov", ".io", ".co", ".eu", ".info", ".uk", ".de",
        ]
        .iter()
        .any(|tld| text.to_ascii_lowercase().ends_with(tld))
        && !text.contains('/')
}

/// Words a site's name ends with ("World Health Organization site", "EU Clinical Trials
/// Register"): a short line ending so names a site, not a trial.
const SITE_NAME_ENDINGS: &[&str] = &[
    "site",
    "website",
    "portal",
    "registry",
    "register",
    "database",
    "platform",
    "search portal",
    "hub",
    "finder",
];

/// Whether a short line names the site itself (its logo or brand line), judged by its shape: a
/// domain, or at most five words ending in a word such as "site", "portal" or "registry".
pub(crate) fn is_site_name(text: &str) -> bool {
    let norm = normalize_label(text);
    let words = norm.split(' ').count();
    is_domain(text)
        || norm.contains("clinicaltrials gov") && words <= 4
        || words <= 5 && SITE_NAME_ENDINGS.iter().any(|e| norm.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_lines_by_shape() {
        for line in [
            "search",
            "Back to results",
            "Skip to main content",
            "Skip Navigation Links",
            "Home > Trials > Cell therapy",
            "Home / Studies / Lung",
            "Home  Trials  About  Contact",
            "Home | Find a trial | About us | Contact",
            "Home Trials About Contact",
            "We use cookies to improve your experience. Accept all",
            "This site uses cookies. By continuing you accept our cookie policy.",
            "© 2026 Fictional Trials Ltd. All rights reserved.",
            "Copyright 2025 MedTrialsHub",
            "Privacy Policy | Terms of Use",
            "trials.example.org",
            "Loading…",
            "»",
        ] {
            assert!(is_chrome(line), "{line}");
        }
    }

    #[test]
    fn content_is_not_chrome() {
        for line in [
            "Recruiting",
            "Phase 2 | Recruiting | Interventional",
            "A Trial of Stromal Cells in Knee Osteoarthritis",
            "Status: Recruiting",
            "Inclusion Criteria:",
            "Drug: Placebo",
            "Home-based exercise after stroke",
            "Contacts and Locations",
            "Adults aged 18 to 65 / both sexes",
        ] {
            assert!(!is_chrome(line), "{line}");
        }
    }

    #[test]
    fn site_names() {
        assert!(is_site_name("World Health Organization site"));
        assert!(is_site_name("EU Clinical Trials Register"));
        assert!(is_site_name("ClinicalTrials.gov"));
        assert!(is_site_name("trials.example.org"));
        assert!(!is_site_name(
            "A Registry of Knee Injuries in Young Athletes Treated With Cells"
        ));
        assert!(!is_site_name("Stromal Cells for Knee Osteoarthritis"));
    }
}
