//! "Did you mean …?": the closest candidate by edit distance.

use crate::msg::Msg;

/// The candidate most like `input`, if one is close enough to be a likely typo.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let input = input.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let score = strsim::jaro_winkler(&input, &candidate.to_lowercase());
        if score >= 0.8 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// "did you mean `x`?" for the closest candidate.
pub fn did_you_mean<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<Msg> {
    closest(input, candidates).map(|c| Msg::DidYouMean(c.to_string()))
}

/// The candidate most like `input` (as [`closest`]) and whether it is the one `input` can
/// only have meant: equal to it ignoring case, or the only candidate close enough to be a
/// likely typo. When two or more are close, the nearest is still given, as uncertain (a fix
/// would be a guess). One pass over the candidates.
pub fn meant<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<(&'a str, bool)> {
    let input = input.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    let mut close = 0;
    for candidate in candidates {
        let lower = candidate.to_lowercase();
        if lower == input {
            return Some((candidate, true));
        }
        let score = strsim::jaro_winkler(&input, &lower);
        if score >= 0.8 {
            close += 1;
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, candidate));
            }
        }
    }
    best.map(|(_, candidate)| (candidate, close == 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typos() {
        assert_eq!(
            closest("utrect", ["schiedam", "utrecht", "ede"]),
            Some("utrecht")
        );
        assert_eq!(closest("ttle", ["title", "summary"]), Some("title"));
        assert_eq!(
            closest("wijkbudgt", ["open-wob", "wijkbudget-emmen"]),
            Some("wijkbudget-emmen")
        );
        assert_eq!(closest("Utrecht", ["utrecht"]), Some("utrecht"));
    }

    #[test]
    fn stays_quiet_when_nothing_is_close() {
        assert_eq!(closest("zwolle", ["schiedam", "utrecht"]), None);
        assert_eq!(closest("x", [] as [&str; 0]), None);
    }

    #[test]
    fn meant_is_certain_only_when_one_is_close() {
        assert_eq!(
            meant("utrect", ["utrecht", "zwolle"]),
            Some(("utrecht", true))
        );
        assert_eq!(
            meant("Municipality", ["municipality", "province"]),
            Some(("municipality", true))
        );
        assert_eq!(
            meant(
                "2017-11-22-utrect",
                ["2017-11-22-utrecht", "2017-11-23-utrecht"]
            ),
            Some(("2017-11-22-utrecht", false))
        );
        assert_eq!(
            meant("utrecht", ["utrecht-2", "Utrecht"]),
            Some(("Utrecht", true)),
            "the same word in another case wins over near ones"
        );
        assert_eq!(meant("zwolle", ["schiedam", "utrecht"]), None);
    }
}
