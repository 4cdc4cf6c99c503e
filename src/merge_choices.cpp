// Reviewer choices inside the merge engine (merge --decisions).
//
//   choices: [a.md:12 keep]      a.md:12 "- REST APIs" would fold into
//                                b.md:3 "- REST API design"
//     -> a.md:12 stays its own item, SourceBlock::choice "keep", and a
//        decision "reviewer" lists the choices applied.
//
// The stages ask st.chosen(sb) / st.keeps(u) where they fold or drop (each
// block's choice is looked up once, when it is added); this file indexes
// the choices and checks afterwards that each was applied, so a choice no
// stage could honour is reported, not lost.
#include <string>

#include "merge_internal.hpp"

namespace agentmerge::detail {

namespace {

std::string key_of(const std::string& source, int line, const std::string& hash) {
  return source + "\n" + std::to_string(line) + "\n" + hash;
}

std::string where(const BlockChoice& c) { return c.source + ":" + std::to_string(c.line); }

bool has_choice(const MergeState& st, std::size_t u, BlockAction action) {
  if (st.choices.empty()) return false;
  for (const std::size_t m : st.units[u].members)
    if (st.chosen(m) == action) return true;
  return false;
}

}  // namespace

std::string choice_key(const MergeState& st, const SourceBlock& b) {
  return key_of(st.report->sources[b.source].name, b.line, block_hash(b.text));
}

std::optional<BlockAction> MergeState::chosen(std::size_t sb) const {
  return sb < block_choice.size() ? block_choice[sb] : std::nullopt;
}

bool MergeState::keeps(std::size_t u) const { return has_choice(*this, u, BlockAction::Keep); }

bool MergeState::prefers(std::size_t u) const { return has_choice(*this, u, BlockAction::Wording); }

void load_choices(MergeState& st, const ReviewChoices& choices) {
  std::vector<std::string> names;
  for (const SourceInfo& s : st.report->sources) names.push_back(s.name);
  for (BlockChoice c : choices.blocks) {
    // The report's name of the source the choice names (match_source); the
    // choice's own name when none matches (the choice is then stale).
    if (const auto i = match_source(names, c.source)) c.source = names[*i];
    st.choices[key_of(c.source, c.line, c.hash)] = c.action;
    st.block_choices.push_back(std::move(c));
  }
}

void check_choices(MergeState& st) {
  if (st.block_choices.empty()) return;
  // Every source block, the frontmatter's included (those are not added
  // through add_source_block), by its key.
  std::unordered_map<std::string, std::size_t> by_key;
  for (std::size_t k = 0; k < st.report->source_blocks.size(); ++k)
    by_key.emplace(choice_key(st, st.report->source_blocks[k]), k);
  std::size_t applied = 0;
  for (const BlockChoice& c : st.block_choices) {
    const auto it = by_key.find(key_of(c.source, c.line, c.hash));
    if (it == by_key.end()) {
      st.decide("choice " + where(c), "stale-choice", std::string(to_string(c.action)),
                "the decisions file names a block at " + where(c) +
                    " that this merge does not have (the source changed, or another merge's "
                    "file); not applied",
                Review::Needed);
      continue;
    }
    SourceBlock& b = st.report->source_blocks[it->second];
    b.choice = std::string(to_string(c.action));
    if (b.fate == BlockFate::Kept) {
      ++applied;
      continue;
    }
    st.decide("choice " + where(c), "choice-not-applied", std::string(to_string(c.action)),
              "the block at " + where(c) + " is " + std::string(to_string(b.fate)) +
                  (b.policy.empty() ? "" : " (" + b.policy + ")") +
                  " although the decisions file asks to " +
                  (c.action == BlockAction::Keep ? "keep it" : "write its wording") +
                  ": this step does not take choices; restore it by hand",
              Review::Needed)
        .block = static_cast<int>(it->second);
  }
  if (applied > 0)
    st.decide("choices", "reviewer", std::to_string(applied) + " block choices",
              std::to_string(applied) + " block choices of the decisions file applied",
              Review::NotNeeded);
}

}  // namespace agentmerge::detail
