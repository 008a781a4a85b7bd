//! The sites whose pages have a reader of their own, one row each: how a page of the site
//! starts, where it ends, how an unmarked page is judged to be one, and its reader. A page no
//! row claims is read by the generic reader ([`super::generic`]). Adding a site is one reader
//! file, one row here and its layout in [`LAYOUTS`] (ARCHITECTURE.md, "Adding a site").

use super::{generic, meddatax, veeva, who_ictrp, ReadPage};
use crate::detect::Layout;
use crate::lines::Line;

/// One site: its layout and the four functions the detector and the reader need.
pub(crate) struct Site {
    /// The layout its pages are recorded as.
    pub layout: Layout,
    /// Where a page of the site starts, judged at line `i`: the index of its first line (at
    /// or before `i`), or `None` when no page of the site starts there. A start needs the
    /// site's own marks, never one label other sites share.
    pub start: fn(&[Line<'_>], usize) -> Option<usize>,
    /// Where a page that starts at `lines[0]` ends (after the site's footer), or `None` when
    /// it shows no end (it runs to the next page's start).
    pub end: fn(&[Line<'_>]) -> Option<usize>,
    /// Whether a stretch of lines with no start marker is a page of the site (its own
    /// headings or labels, several of them).
    pub judged: fn(&[Line<'_>]) -> bool,
    /// Reads one page; `None` when it holds no registry page.
    pub read: fn(&[Line<'_>]) -> Option<ReadPage>,
}

/// The sites' layouts, in [`SITES`]' order: what [`Layout::named`] looks names up in. A
/// list of its own, without the readers' function pointers, so that code which only names
/// layouts (the viewer's page, reading a kept record) does not retain every reader.
pub(crate) const LAYOUTS: &[Layout] = &[VEEVA, MEDDATAX_RESULTS, MEDDATAX, WHO_ICTRP];

const VEEVA: Layout = Layout::new("veeva", "ClinicalTrials.Veeva page");
const MEDDATAX_RESULTS: Layout = Layout::new("meddatax-results", "meddatax.com results page");
const MEDDATAX: Layout = Layout::new("meddatax", "meddatax.com study page");
const WHO_ICTRP: Layout = Layout::new("who-ictrp", "WHO ICTRP trial page");

/// The sites, in the order they are tried.
pub(crate) const SITES: &[Site] = &[
    Site {
        layout: VEEVA,
        start: |lines, i| (lines[i].text == veeva::SITE_MARKER).then_some(i),
        end: veeva::page_end,
        judged: |lines| veeva::heading_score(lines) >= 3,
        read: |lines| Some(veeva::read(lines)),
    },
    Site {
        layout: MEDDATAX_RESULTS,
        start: meddatax::results_page_start,
        end: meddatax::page_end,
        judged: meddatax::judged_results,
        read: |lines| Some(meddatax::read(lines)),
    },
    Site {
        layout: MEDDATAX,
        start: meddatax::study_page_start,
        end: meddatax::page_end,
        judged: |lines| meddatax::heading_score(lines) >= 3,
        read: |lines| Some(meddatax::read(lines)),
    },
    Site {
        layout: WHO_ICTRP,
        start: who_ictrp::page_start,
        end: who_ictrp::page_end,
        judged: who_ictrp::judged,
        read: who_ictrp::read,
    },
];

/// The site whose pages have `layout`, if it is a site's.
pub(crate) fn site(layout: Layout) -> Option<&'static Site> {
    SITES.iter().find(|s| s.layout == layout)
}

/// Reads a page of `layout`: its site's reader, or the generic one.
pub(crate) fn read(layout: Layout, lines: &[Line<'_>]) -> Option<ReadPage> {
    match site(layout) {
        Some(s) => (s.read)(lines),
        None => generic::read(lines),
    }
}
