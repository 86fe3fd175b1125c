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

/// The candidate `input` can only have meant: the one equal to it ignoring case, else the
/// only candidate close enough to be a likely typo. `None` when none is close, or when two
/// or more are (then a fix would be a guess).
pub fn sole_candidate<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let input = input.to_lowercase();
    let mut close = None;
    let mut count = 0;
    for candidate in candidates {
        let lower = candidate.to_lowercase();
        if lower == input {
            return Some(candidate);
        }
        if strsim::jaro_winkler(&input, &lower) >= 0.8 {
            count += 1;
            close = Some(candidate);
        }
    }
    close.filter(|_| count == 1)
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
    fn sole_candidate_only_when_there_is_one() {
        assert_eq!(
            sole_candidate("utrect", ["utrecht", "zwolle"]),
            Some("utrecht")
        );
        assert_eq!(
            sole_candidate("Municipality", ["municipality", "province"]),
            Some("municipality")
        );
        assert_eq!(
            sole_candidate(
                "2017-11-22-utrect",
                ["2017-11-22-utrecht", "2017-11-23-utrecht"]
            ),
            None
        );
        assert_eq!(
            sole_candidate("utrecht", ["Utrecht", "utrecht-2"]),
            Some("Utrecht"),
            "the same word in another case wins over near ones"
        );
        assert_eq!(sole_candidate("zwolle", ["schiedam", "utrecht"]), None);
    }
}
