//! Small parsers every reader uses: ages, enrollment counts, dates, identifiers,
//! criteria lists, markup, and placing a labelled value into a record.

pub mod age;
pub mod assign;
pub mod criteria;
pub mod date;
pub mod enrollment;
pub mod ids;
pub mod markup;
