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
/// only have meant: equal to it ignoring case, or a slip of at most two letters (typed,
/// left out, doubled or swapped) from it while every other close candidate is at least two
/// slips further. Ids that share a long prefix (sessions start with their date) are all
/// "close"; the count of slips tells them apart. When it is a guess, the nearest is still
/// given, as uncertain. One pass over the candidates.
pub fn meant<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<(&'a str, bool)> {
    let input = input.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    // The two smallest counts of slips among the close candidates.
    let mut fewest = [usize::MAX; 2];
    let mut fewest_candidate: Option<&str> = None;
    for candidate in candidates {
        let lower = candidate.to_lowercase();
        if lower == input {
            return Some((candidate, true));
        }
        let score = strsim::jaro_winkler(&input, &lower);
        if score < 0.8 {
            continue;
        }
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, candidate));
        }
        let slips = strsim::osa_distance(&input, &lower);
        if slips < fewest[0] {
            fewest = [slips, fewest[0]];
            fewest_candidate = Some(candidate);
        } else if slips < fewest[1] {
            fewest[1] = slips;
        }
    }
    let (_, nearest) = best?;
    let certain = fewest[0] <= 2
        && fewest[1].saturating_sub(fewest[0]) >= 2
        && fewest_candidate == Some(nearest);
    Some((nearest, certain))
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

    #[test]
    fn a_slip_in_a_session_id_is_certain_although_other_sessions_look_alike() {
        let sessions = ["2024-09-18-sessie-zwolle", "2024-10-01-sessie-twee"];
        assert_eq!(
            meant("2024-09-18-sessie-zwole", sessions),
            Some(("2024-09-18-sessie-zwolle", true))
        );
        // Two candidates one slip away: a guess.
        assert_eq!(
            meant("sessie-b", ["sessie-a", "sessie-c"]).map(|(_, certain)| certain),
            Some(false)
        );
        // Three slips: close, but a guess.
        assert_eq!(
            meant("utrechtxyz", ["utrecht"]).map(|(_, certain)| certain),
            Some(false)
        );
    }
}
