//! Upper- and lowercase of any character, as the standard library's `char::to_lowercase`
//! and `char::to_uppercase` give when they give one character (every mapping but İ's
//! lowercase and some 100 uppercases such as ß's "SS", which are left as they are). Written
//! as runs rather than std's tables of pairs: 3 KB instead of 23 KB in the parse worker.

/// A run of mappings: (first character, how many more after it, the step between them,
/// what is added to each to map it).
type Run = (u32, u16, u8, i32);

/// The lowercase runs, by first character.
const LOWER: &[Run] = &[
    (0x41, 25, 1, 32),
    (0xc0, 22, 1, 32),
    (0xd8, 6, 1, 32),
    (0x100, 23, 2, 1),
    (0x132, 2, 2, 1),
    (0x139, 7, 2, 1),
    (0x14a, 22, 2, 1),
    (0x178, 0, 1, -121),
    (0x179, 2, 2, 1),
    (0x181, 0, 1, 210),
    (0x182, 1, 2, 1),
    (0x186, 0, 1, 206),
    (0x187, 0, 1, 1),
    (0x189, 1, 1, 205),
    (0x18b, 0, 1, 1),
    (0x18e, 0, 1, 79),
    (0x18f, 0, 1, 202),
    (0x190, 0, 1, 203),
    (0x191, 0, 1, 1),
    (0x193, 0, 1, 205),
    (0x194, 0, 1, 207),
    (0x196, 0, 1, 211),
    (0x197, 0, 1, 209),
    (0x198, 0, 1, 1),
    (0x19c, 0, 1, 211),
    (0x19d, 0, 1, 213),
    (0x19f, 0, 1, 214),
    (0x1a0, 2, 2, 1),
    (0x1a6, 0, 1, 218),
    (0x1a7, 0, 1, 1),
    (0x1a9, 0, 1, 218),
    (0x1ac, 0, 1, 1),
    (0x1ae, 0, 1, 218),
    (0x1af, 0, 1, 1),
    (0x1b1, 1, 1, 217),
    (0x1b3, 1, 2, 1),
    (0x1b7, 0, 1, 219),
    (0x1b8, 0, 1, 1),
    (0x1bc, 0, 1, 1),
    (0x1c4, 0, 1, 2),
    (0x1c5, 0, 1, 1),
    (0x1c7, 0, 1, 2),
    (0x1c8, 0, 1, 1),
    (0x1ca, 0, 1, 2),
    (0x1cb, 8, 2, 1),
    (0x1de, 8, 2, 1),
    (0x1f1, 0, 1, 2),
    (0x1f2, 1, 2, 1),
    (0x1f6, 0, 1, -97),
    (0x1f7, 0, 1, -56),
    (0x1f8, 19, 2, 1),
    (0x220, 0, 1, -130),
    (0x222, 8, 2, 1),
    (0x23a, 0, 1, 10795),
    (0x23b, 0, 1, 1),
    (0x23d, 0, 1, -163),
    (0x23e, 0, 1, 10792),
    (0x241, 0, 1, 1),
    (0x243, 0, 1, -195),
    (0x244, 0, 1, 69),
    (0x245, 0, 1, 71),
    (0x246, 4, 2, 1),
    (0x370, 1, 2, 1),
    (0x376, 0, 1, 1),
    (0x37f, 0, 1, 116),
    (0x386, 0, 1, 38),
    (0x388, 2, 1, 37),
    (0x38c, 0, 1, 64),
    (0x38e, 1, 1, 63),
    (0x391, 16, 1, 32),
    (0x3a3, 8, 1, 32),
    (0x3cf, 0, 1, 8),
    (0x3d8, 11, 2, 1),
    (0x3f4, 0, 1, -60),
    (0x3f7, 0, 1, 1),
    (0x3f9, 0, 1, -7),
    (0x3fa, 0, 1, 1),
    (0x3fd, 2, 1, -130),
    (0x400, 15, 1, 80),
    (0x410, 31, 1, 32),
    (0x460, 16, 2, 1),
    (0x48a, 26, 2, 1),
    (0x4c0, 0, 1, 15),
    (0x4c1, 6, 2, 1),
    (0x4d0, 47, 2, 1),
    (0x531, 37, 1, 48),
    (0x10a0, 37, 1, 7264),
    (0x10c7, 0, 1, 7264),
    (0x10cd, 0, 1, 7264),
    (0x13a0, 79, 1, 38864),
    (0x13f0, 5, 1, 8),
    (0x1c89, 0, 1, 1),
    (0x1c90, 42, 1, -3008),
    (0x1cbd, 2, 1, -3008),
    (0x1e00, 74, 2, 1),
    (0x1e9e, 0, 1, -7615),
    (0x1ea0, 47, 2, 1),
    (0x1f08, 7, 1, -8),
    (0x1f18, 5, 1, -8),
    (0x1f28, 7, 1, -8),
    (0x1f38, 7, 1, -8),
    (0x1f48, 5, 1, -8),
    (0x1f59, 3, 2, -8),
    (0x1f68, 7, 1, -8),
    (0x1f88, 7, 1, -8),
    (0x1f98, 7, 1, -8),
    (0x1fa8, 7, 1, -8),
    (0x1fb8, 1, 1, -8),
    (0x1fba, 1, 1, -74),
    (0x1fbc, 0, 1, -9),
    (0x1fc8, 3, 1, -86),
    (0x1fcc, 0, 1, -9),
    (0x1fd8, 1, 1, -8),
    (0x1fda, 1, 1, -100),
    (0x1fe8, 1, 1, -8),
    (0x1fea, 1, 1, -112),
    (0x1fec, 0, 1, -7),
    (0x1ff8, 1, 1, -128),
    (0x1ffa, 1, 1, -126),
    (0x1ffc, 0, 1, -9),
    (0x2126, 0, 1, -7517),
    (0x212a, 0, 1, -8383),
    (0x212b, 0, 1, -8262),
    (0x2132, 0, 1, 28),
    (0x2160, 15, 1, 16),
    (0x2183, 0, 1, 1),
    (0x24b6, 25, 1, 26),
    (0x2c00, 47, 1, 48),
    (0x2c60, 0, 1, 1),
    (0x2c62, 0, 1, -10743),
    (0x2c63, 0, 1, -3814),
    (0x2c64, 0, 1, -10727),
    (0x2c67, 2, 2, 1),
    (0x2c6d, 0, 1, -10780),
    (0x2c6e, 0, 1, -10749),
    (0x2c6f, 0, 1, -10783),
    (0x2c70, 0, 1, -10782),
    (0x2c72, 0, 1, 1),
    (0x2c75, 0, 1, 1),
    (0x2c7e, 1, 1, -10815),
    (0x2c80, 49, 2, 1),
    (0x2ceb, 1, 2, 1),
    (0x2cf2, 0, 1, 1),
    (0xa640, 22, 2, 1),
    (0xa680, 13, 2, 1),
    (0xa722, 6, 2, 1),
    (0xa732, 30, 2, 1),
    (0xa779, 1, 2, 1),
    (0xa77d, 0, 1, -35332),
    (0xa77e, 4, 2, 1),
    (0xa78b, 0, 1, 1),
    (0xa78d, 0, 1, -42280),
    (0xa790, 1, 2, 1),
    (0xa796, 9, 2, 1),
    (0xa7aa, 0, 1, -42308),
    (0xa7ab, 0, 1, -42319),
    (0xa7ac, 0, 1, -42315),
    (0xa7ad, 0, 1, -42305),
    (0xa7ae, 0, 1, -42308),
    (0xa7b0, 0, 1, -42258),
    (0xa7b1, 0, 1, -42282),
    (0xa7b2, 0, 1, -42261),
    (0xa7b3, 0, 1, 928),
    (0xa7b4, 7, 2, 1),
    (0xa7c4, 0, 1, -48),
    (0xa7c5, 0, 1, -42307),
    (0xa7c6, 0, 1, -35384),
    (0xa7c7, 1, 2, 1),
    (0xa7cb, 0, 1, -42343),
    (0xa7cc, 7, 2, 1),
    (0xa7dc, 0, 1, -42561),
    (0xa7f5, 0, 1, 1),
    (0xff21, 25, 1, 32),
    (0x10400, 39, 1, 40),
    (0x104b0, 35, 1, 40),
    (0x10570, 10, 1, 39),
    (0x1057c, 14, 1, 39),
    (0x1058c, 6, 1, 39),
    (0x10594, 1, 1, 39),
    (0x10c80, 50, 1, 64),
    (0x10d50, 21, 1, 32),
    (0x118a0, 31, 1, 32),
    (0x16e40, 31, 1, 32),
    (0x16ea0, 24, 1, 27),
    (0x1e900, 33, 1, 34),
];

/// The uppercase runs, by first character.
const UPPER: &[Run] = &[
    (0x61, 25, 1, -32),
    (0xb5, 0, 1, 743),
    (0xe0, 22, 1, -32),
    (0xf8, 6, 1, -32),
    (0xff, 0, 1, 121),
    (0x101, 23, 2, -1),
    (0x131, 0, 1, -232),
    (0x133, 2, 2, -1),
    (0x13a, 7, 2, -1),
    (0x14b, 22, 2, -1),
    (0x17a, 2, 2, -1),
    (0x17f, 0, 1, -300),
    (0x180, 0, 1, 195),
    (0x183, 1, 2, -1),
    (0x188, 0, 1, -1),
    (0x18c, 0, 1, -1),
    (0x192, 0, 1, -1),
    (0x195, 0, 1, 97),
    (0x199, 0, 1, -1),
    (0x19a, 0, 1, 163),
    (0x19b, 0, 1, 42561),
    (0x19e, 0, 1, 130),
    (0x1a1, 2, 2, -1),
    (0x1a8, 0, 1, -1),
    (0x1ad, 0, 1, -1),
    (0x1b0, 0, 1, -1),
    (0x1b4, 1, 2, -1),
    (0x1b9, 0, 1, -1),
    (0x1bd, 0, 1, -1),
    (0x1bf, 0, 1, 56),
    (0x1c5, 0, 1, -1),
    (0x1c6, 0, 1, -2),
    (0x1c8, 0, 1, -1),
    (0x1c9, 0, 1, -2),
    (0x1cb, 0, 1, -1),
    (0x1cc, 0, 1, -2),
    (0x1ce, 7, 2, -1),
    (0x1dd, 0, 1, -79),
    (0x1df, 8, 2, -1),
    (0x1f2, 0, 1, -1),
    (0x1f3, 0, 1, -2),
    (0x1f5, 0, 1, -1),
    (0x1f9, 19, 2, -1),
    (0x223, 8, 2, -1),
    (0x23c, 0, 1, -1),
    (0x23f, 1, 1, 10815),
    (0x242, 0, 1, -1),
    (0x247, 4, 2, -1),
    (0x250, 0, 1, 10783),
    (0x251, 0, 1, 10780),
    (0x252, 0, 1, 10782),
    (0x253, 0, 1, -210),
    (0x254, 0, 1, -206),
    (0x256, 1, 1, -205),
    (0x259, 0, 1, -202),
    (0x25b, 0, 1, -203),
    (0x25c, 0, 1, 42319),
    (0x260, 0, 1, -205),
    (0x261, 0, 1, 42315),
    (0x263, 0, 1, -207),
    (0x264, 0, 1, 42343),
    (0x265, 0, 1, 42280),
    (0x266, 0, 1, 42308),
    (0x268, 0, 1, -209),
    (0x269, 0, 1, -211),
    (0x26a, 0, 1, 42308),
    (0x26b, 0, 1, 10743),
    (0x26c, 0, 1, 42305),
    (0x26f, 0, 1, -211),
    (0x271, 0, 1, 10749),
    (0x272, 0, 1, -213),
    (0x275, 0, 1, -214),
    (0x27d, 0, 1, 10727),
    (0x280, 0, 1, -218),
    (0x282, 0, 1, 42307),
    (0x283, 0, 1, -218),
    (0x287, 0, 1, 42282),
    (0x288, 0, 1, -218),
    (0x289, 0, 1, -69),
    (0x28a, 1, 1, -217),
    (0x28c, 0, 1, -71),
    (0x292, 0, 1, -219),
    (0x29d, 0, 1, 42261),
    (0x29e, 0, 1, 42258),
    (0x345, 0, 1, 84),
    (0x371, 1, 2, -1),
    (0x377, 0, 1, -1),
    (0x37b, 2, 1, 130),
    (0x3ac, 0, 1, -38),
    (0x3ad, 2, 1, -37),
    (0x3b1, 16, 1, -32),
    (0x3c2, 0, 1, -31),
    (0x3c3, 8, 1, -32),
    (0x3cc, 0, 1, -64),
    (0x3cd, 1, 1, -63),
    (0x3d0, 0, 1, -62),
    (0x3d1, 0, 1, -57),
    (0x3d5, 0, 1, -47),
    (0x3d6, 0, 1, -54),
    (0x3d7, 0, 1, -8),
    (0x3d9, 11, 2, -1),
    (0x3f0, 0, 1, -86),
    (0x3f1, 0, 1, -80),
    (0x3f2, 0, 1, 7),
    (0x3f3, 0, 1, -116),
    (0x3f5, 0, 1, -96),
    (0x3f8, 0, 1, -1),
    (0x3fb, 0, 1, -1),
    (0x430, 31, 1, -32),
    (0x450, 15, 1, -80),
    (0x461, 16, 2, -1),
    (0x48b, 26, 2, -1),
    (0x4c2, 6, 2, -1),
    (0x4cf, 0, 1, -15),
    (0x4d1, 47, 2, -1),
    (0x561, 37, 1, -48),
    (0x10d0, 42, 1, 3008),
    (0x10fd, 2, 1, 3008),
    (0x13f8, 5, 1, -8),
    (0x1c80, 0, 1, -6254),
    (0x1c81, 0, 1, -6253),
    (0x1c82, 0, 1, -6244),
    (0x1c83, 1, 1, -6242),
    (0x1c85, 0, 1, -6243),
    (0x1c86, 0, 1, -6236),
    (0x1c87, 0, 1, -6181),
    (0x1c88, 0, 1, 35266),
    (0x1c8a, 0, 1, -1),
    (0x1d79, 0, 1, 35332),
    (0x1d7d, 0, 1, 3814),
    (0x1d8e, 0, 1, 35384),
    (0x1e01, 74, 2, -1),
    (0x1e9b, 0, 1, -59),
    (0x1ea1, 47, 2, -1),
    (0x1f00, 7, 1, 8),
    (0x1f10, 5, 1, 8),
    (0x1f20, 7, 1, 8),
    (0x1f30, 7, 1, 8),
    (0x1f40, 5, 1, 8),
    (0x1f51, 3, 2, 8),
    (0x1f60, 7, 1, 8),
    (0x1f70, 1, 1, 74),
    (0x1f72, 3, 1, 86),
    (0x1f76, 1, 1, 100),
    (0x1f78, 1, 1, 128),
    (0x1f7a, 1, 1, 112),
    (0x1f7c, 1, 1, 126),
    (0x1fb0, 1, 1, 8),
    (0x1fbe, 0, 1, -7205),
    (0x1fd0, 1, 1, 8),
    (0x1fe0, 1, 1, 8),
    (0x1fe5, 0, 1, 7),
    (0x214e, 0, 1, -28),
    (0x2170, 15, 1, -16),
    (0x2184, 0, 1, -1),
    (0x24d0, 25, 1, -26),
    (0x2c30, 47, 1, -48),
    (0x2c61, 0, 1, -1),
    (0x2c65, 0, 1, -10795),
    (0x2c66, 0, 1, -10792),
    (0x2c68, 2, 2, -1),
    (0x2c73, 0, 1, -1),
    (0x2c76, 0, 1, -1),
    (0x2c81, 49, 2, -1),
    (0x2cec, 1, 2, -1),
    (0x2cf3, 0, 1, -1),
    (0x2d00, 37, 1, -7264),
    (0x2d27, 0, 1, -7264),
    (0x2d2d, 0, 1, -7264),
    (0xa641, 22, 2, -1),
    (0xa681, 13, 2, -1),
    (0xa723, 6, 2, -1),
    (0xa733, 30, 2, -1),
    (0xa77a, 1, 2, -1),
    (0xa77f, 4, 2, -1),
    (0xa78c, 0, 1, -1),
    (0xa791, 1, 2, -1),
    (0xa794, 0, 1, 48),
    (0xa797, 9, 2, -1),
    (0xa7b5, 7, 2, -1),
    (0xa7c8, 1, 2, -1),
    (0xa7cd, 7, 2, -1),
    (0xa7f6, 0, 1, -1),
    (0xab53, 0, 1, -928),
    (0xab70, 79, 1, -38864),
    (0xff41, 25, 1, -32),
    (0x10428, 39, 1, -40),
    (0x104d8, 35, 1, -40),
    (0x10597, 10, 1, -39),
    (0x105a3, 14, 1, -39),
    (0x105b3, 6, 1, -39),
    (0x105bb, 1, 1, -39),
    (0x10cc0, 50, 1, -64),
    (0x10d70, 21, 1, -32),
    (0x118c0, 31, 1, -32),
    (0x16e60, 31, 1, -32),
    (0x16ebb, 24, 1, -27),
    (0x1e922, 33, 1, -34),
];

fn map(runs: &[Run], c: char) -> char {
    let code = c as u32;
    let k = runs.partition_point(|run| run.0 <= code);
    let Some(&(first, more, step, add)) = k.checked_sub(1).map(|k| &runs[k]) else {
        return c;
    };
    let after = code - first;
    if after > u32::from(more) * u32::from(step) || after % u32::from(step) != 0 {
        return c;
    }
    code.checked_add_signed(add)
        .and_then(char::from_u32)
        .unwrap_or(c)
}

/// The lowercase of `c` (itself when it has none).
pub(crate) fn lower(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        map(LOWER, c)
    }
}

/// The uppercase of `c` (itself when it has none, or when it is more than one character).
pub(crate) fn upper(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_uppercase()
    } else {
        map(UPPER, c)
    }
}

/// Text upper- and lowercased character by character, as `str::to_lowercase` and
/// `to_uppercase` do with [`lower`] and [`upper`] (a final Σ is σ, not ς).
pub(crate) trait Cased {
    /// The text lowercased.
    fn lowercased(&self) -> String;
    /// The text uppercased.
    fn uppercased(&self) -> String;
    /// The text with its first character uppercased ("participants" → "Participants").
    fn capitalised(&self) -> String;
}

impl Cased for str {
    fn lowercased(&self) -> String {
        if self.is_ascii() {
            self.to_ascii_lowercase()
        } else {
            self.chars().map(lower).collect()
        }
    }

    fn uppercased(&self) -> String {
        if self.is_ascii() {
            self.to_ascii_uppercase()
        } else {
            self.chars().map(upper).collect()
        }
    }

    fn capitalised(&self) -> String {
        let mut chars = self.chars();
        chars
            .next()
            .map(|first| std::iter::once(upper(first)).chain(chars).collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one character `mapped` gives, if it gives one.
    fn single(mut mapped: impl Iterator<Item = char>) -> Option<char> {
        let first = mapped.next()?;
        mapped.next().is_none().then_some(first)
    }

    /// Every character maps as std maps it (when std gives one character; else to itself).
    /// When a new Rust brings a new Unicode and this fails, the runs are printed by
    /// `cargo test -p trialcards-core case::tests::print_runs -- --ignored --nocapture`.
    #[test]
    fn every_character_maps_as_std_maps_it() {
        let mut checked = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let lower_std = single(c.to_lowercase()).unwrap_or(c);
            let upper_std = single(c.to_uppercase()).unwrap_or(c);
            assert_eq!(lower(c), lower_std, "lowercase of U+{:04X}", c as u32);
            assert_eq!(upper(c), upper_std, "uppercase of U+{:04X}", c as u32);
            checked += usize::from(lower_std != c) + usize::from(upper_std != c);
        }
        assert!(checked > 2900, "{checked} mappings");
        assert_eq!("ÉTUDE Фаза ΙΙ".lowercased(), "étude фаза ιι");
        assert_eq!("straße phase ii".uppercased(), "STRAßE PHASE II");
    }

    #[test]
    #[ignore = "prints the runs for a new Unicode version"]
    fn print_runs() {
        for (name, of) in [
            (
                "LOWER",
                (|c: char| single(c.to_lowercase())) as fn(char) -> Option<char>,
            ),
            ("UPPER", |c: char| single(c.to_uppercase())),
        ] {
            println!("const {name}: &[Run] = &[");
            let mut runs: Vec<(u32, u32, u32, i64)> = Vec::new();
            for c in (0..=0x10FFFF).filter_map(char::from_u32) {
                let Some(m) = of(c).filter(|&m| m != c) else {
                    continue;
                };
                let (code, add) = (c as u32, i64::from(m as u32) - i64::from(c as u32));
                match runs.last_mut() {
                    Some((_, last, step, a))
                        if *a == add
                            && (code - *last == *step || (*step == 0 && code - *last <= 2)) =>
                    {
                        *step = code - *last;
                        *last = code;
                    }
                    _ => runs.push((code, code, 0, add)),
                }
            }
            for (first, last, step, add) in runs {
                let step = step.max(1);
                println!(
                    "    (0x{first:x}, {}, {step}, {add}),",
                    (last - first) / step
                );
            }
            println!("];");
        }
    }
}
