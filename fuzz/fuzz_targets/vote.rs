//! The voting-block parser on arbitrary text: never a panic, and a result that does not
//! contradict itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lineage::model::VoteMethod;

fuzz_target!(|block: &str| {
    let (vote, _warnings) = lineage::reader::findings::vote::parse_vote(block);
    if vote.method == VoteMethod::WithoutVote {
        assert!(vote.yes.is_none() && vote.no.is_none() && vote.abstain.is_none(), "{vote:?}");
        assert!(vote.in_favour.is_empty() && vote.against.is_empty() && vote.abstaining.is_empty(), "{vote:?}");
    }
    for code in vote.in_favour.iter().chain(&vote.against).chain(&vote.abstaining) {
        assert!(code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()), "{code}");
    }
});
