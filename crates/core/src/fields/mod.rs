//! Small parsers every reader uses: ages, enrollment counts, dates, identifiers,
//! criteria lists, markup, code lists, masking, contact lines, CT.gov's words in results, and
//! placing a labelled value into a record.

pub mod age;
pub mod assign;
pub mod code_list;
pub mod contact;
pub mod criteria;
pub mod date;
pub mod design;
pub mod enrollment;
pub mod ids;
pub mod markup;
pub(crate) mod results;
