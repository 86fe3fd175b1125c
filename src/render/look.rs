//! The site's look as `pioneers.toml` sets it, checked: an accent colour is used only when
//! white text on it, and it as text on white, reach the WCAG AA contrast of 4.5:1; a logo
//! only when it is an image the site publishes.

use crate::kb::KnowledgeBase;

/// The contrast WCAG 2.1 AA asks of body text (success criterion 1.4.3).
pub const MIN_CONTRAST: f64 = 4.5;

/// `accent` (`#rrggbb`, any case) in lowercase, when it is a colour that white text on it
/// (the header) and it as text on white (headings) can be read against.
pub fn accent(accent: Option<&str>) -> Option<String> {
    let hex = accent?.trim();
    let rgb = parse_hex(hex)?;
    (contrast(rgb, [255, 255, 255]) >= MIN_CONTRAST).then(|| hex.to_ascii_lowercase())
}

/// `#rrggbb` as three bytes.
fn parse_hex(hex: &str) -> Option<[u8; 3]> {
    let digits = hex.strip_prefix('#')?;
    if digits.len() != 6 || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |at: usize| u8::from_str_radix(digits.get(at..at + 2)?, 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// The contrast ratio of two colours (WCAG 2.1: relative luminance, (L1 + 0.05) / (L2 + 0.05)).
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

fn luminance(rgb: [u8; 3]) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
}

/// Image types a logo may be.
const IMAGE_TYPES: [&str; 5] = [".svg", ".png", ".jpg", ".jpeg", ".webp"];

/// The logo's path in the site (`images/logo.svg`), when `pioneers.toml` names an image
/// under `content/` that the site publishes.
pub fn logo(kb: &KnowledgeBase) -> Option<String> {
    let logo = kb.config.logo.as_deref()?.trim().trim_start_matches('/');
    let lower = logo.to_ascii_lowercase();
    let image = IMAGE_TYPES.iter().any(|t| lower.ends_with(t));
    let climbs = logo.split('/').any(|part| part == ".." || part.is_empty());
    let published = kb.other_files.contains(&format!("content/{logo}"));
    (image && !climbs && published).then(|| logo.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dark_accents_are_kept_light_ones_refused() {
        assert_eq!(accent(Some("#154273")), Some("#154273".into()));
        assert_eq!(accent(Some(" #B30000 ")), Some("#b30000".into()));
        // Yellow: white text on it has a contrast of about 1.5.
        assert_eq!(accent(Some("#ffd700")), None);
        // #777777 is 4.48:1, just short.
        assert_eq!(accent(Some("#777777")), None);
        for bad in ["red", "#12345", "#1234567", "#gggggg", "154273", "#15427;}"] {
            assert_eq!(accent(Some(bad)), None, "{bad}");
        }
    }

    #[test]
    fn contrast_ratios() {
        let ratio = contrast([0, 0, 0], [255, 255, 255]);
        assert!((ratio - 21.0).abs() < 1e-9);
        assert!((contrast([255, 255, 255], [255, 255, 255]) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn a_logo_must_be_a_published_image() {
        let kb = |logo: &str| {
            let mut kb = KnowledgeBase::from_memory(
                &[],
                &["content/images/logo.svg", "content/images/notes.txt"],
                crate::kb::date::parse_date("2020-01-01").expect("date"),
            );
            kb.config.logo = Some(logo.into());
            kb
        };
        assert_eq!(logo(&kb("images/logo.svg")), Some("images/logo.svg".into()));
        assert_eq!(
            logo(&kb("/images/logo.svg")),
            Some("images/logo.svg".into())
        );
        for bad in [
            "images/notes.txt",
            "images/missing.svg",
            "../images/logo.svg",
            "images//logo.svg",
        ] {
            assert_eq!(logo(&kb(bad)), None, "{bad}");
        }
    }
}
