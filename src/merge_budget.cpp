// The last stage of a merge with a size limit (`MergeOptions::budget_tokens`,
// or a target's body limit: Copilot reads 30,000 characters of body): the
// least supported content is dropped until the file fits.
//
//   before: 18,200 bytes, about 4,550 tokens; --budget 2500
//   after:  about 2,490 tokens; the bullets and paragraphs said by one
//           variant only are gone, bottom-up, another variant's before the
//           primary's; each is a decision "budget" holding its text
//
// Contracts:
// - Without a limit, or within it, nothing is dropped here.
// - Order (first dropped first): fewer variants saying it; then another
//   variant's before the primary's; then later in the output before
//   earlier. Deterministic, so a budget merge is as reproducible as any.
// - Never dropped: the role statement, and a lead-in paragraph whose list
//   keeps an item (a lead-in goes with the last item of its list). Headings
//   are never dropped by themselves; a section left empty is not written
//   (as for a section folded elsewhere).
// - Every drop is a decision whose `chosen` is the dropped Markdown, so a
//   reviewer can restore it by hand; one summary decision needs review.
#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "merge_internal.hpp"

namespace agentmerge::detail {

namespace {

struct Place {
  std::size_t section = 0;
  std::size_t block = 0;
  std::size_t order = 0;  // position in the output (sections in index order)
};

// Every unit's place, in output order within each section.
std::vector<std::pair<std::size_t, Place>> placed_units(const MergeState& st) {
  std::vector<std::pair<std::size_t, Place>> out;
  std::size_t order = 0;
  for (std::size_t s = 0; s < st.sections.size(); ++s)
    for (std::size_t b = 0; b < st.sections[s].blocks.size(); ++b)
      for (std::size_t u : st.sections[s].blocks[b].units) out.push_back({u, {s, b, order++}});
  return out;
}

std::size_t support(const MergeState& st, const Unit& u) {
  std::set<std::size_t> sources;
  for (std::size_t d = 0; d < st.docs.size(); ++d)
    if (u.docs.count(d) != 0) sources.insert(st.docs[d].source);
  return sources.size();
}

// Bytes a unit takes in the written body: its text, nested texts, marker
// and separating newlines (an estimate; the caller re-renders to check).
std::size_t unit_bytes(const Unit& u) {
  std::size_t n = u.content.size() + 3;
  for (const auto& t : u.nested) n += t.size() + 5;
  return n;
}

// A lead-in paragraph keeps its place while the list after it keeps an item.
bool protected_lead_in(const MergeState& st, const Unit& u, const Place& p) {
  if (!u.lead_in) return false;
  const auto& blocks = st.sections[p.section].blocks;
  return p.block + 1 < blocks.size() && !blocks[p.block + 1].units.empty();
}

void drop_unit(MergeState& st, std::size_t u, const Place& p, std::size_t sources) {
  auto& units = st.sections[p.section].blocks[p.block].units;
  units.erase(std::remove(units.begin(), units.end(), u), units.end());
  Unit& unit = st.units[u];
  for (std::size_t m : unit.members) {
    auto& sb = st.report->source_blocks[m];
    sb.fate = BlockFate::Dropped;
    sb.policy = "budget";
  }
  std::string text = unit.content;
  for (const auto& n : unit.nested) text += "\n  - " + n;
  const int first = unit.members.empty() ? -1 : static_cast<int>(unit.members.front());
  st.decide("budget", "least-supported", text,
            "said by " + std::to_string(support(st, unit)) + " of " + std::to_string(sources) +
                " variants; dropped to fit the size limit (restore it by hand if it matters)",
            Review::NotNeeded)
      .block = first;
}

}  // namespace

std::size_t drop_least_supported(MergeState& st, std::size_t over) {
  auto placed = placed_units(st);
  const std::size_t primary = st.docs[st.primary_doc].source;
  const std::size_t sources = st.report->sources.size();
  // Sort key, computed once per unit: (support, has the primary's words,
  // -order); smallest first.
  using Key = std::tuple<std::size_t, bool, std::size_t>;
  std::vector<std::pair<Key, std::size_t>> keyed;  // (key, index into placed)
  keyed.reserve(placed.size());
  for (std::size_t i = 0; i < placed.size(); ++i) {
    const Unit& u = st.units[placed[i].first];
    bool from_primary = false;
    for (std::size_t d = 0; d < st.docs.size(); ++d)
      from_primary |= u.docs.count(d) != 0 && st.docs[d].source == primary;
    keyed.push_back({Key{support(st, u), from_primary, ~placed[i].second.order}, i});
  }
  std::sort(keyed.begin(), keyed.end());  // keys are unique: `order` differs
  std::vector<std::pair<std::size_t, Place>> ranked;
  ranked.reserve(placed.size());
  for (const auto& k : keyed) ranked.push_back(placed[k.second]);
  placed = std::move(ranked);
  // Half of what is over (and a little) per call: the sizes are estimates,
  // and emptied sections lose their headings too, so the caller re-renders
  // and calls again rather than overshooting the limit.
  const std::size_t goal = over / 2 + 64;
  std::size_t freed = 0;
  std::size_t dropped = 0;
  for (const auto& [u, place] : placed) {
    if (freed >= goal) break;
    const Unit& unit = st.units[u];
    if (u == st.role_unit || protected_lead_in(st, unit, place) || st.keeps(u)) continue;
    freed += unit_bytes(unit);
    drop_unit(st, u, place, sources);
    ++dropped;
  }
  // A lead-in whose list is now empty goes too.
  for (const auto& [u, place] : placed_units(st)) {
    const Unit& unit = st.units[u];
    if (!unit.lead_in || u == st.role_unit || protected_lead_in(st, unit, place) || st.keeps(u)) continue;
    const auto& blocks = st.sections[place.section].blocks;
    if (place.block + 1 < blocks.size() && blocks[place.block + 1].kind == BlockKind::List) {
      freed += unit_bytes(unit);
      drop_unit(st, u, place, sources);
      ++dropped;
    }
  }
  return dropped;
}

}  // namespace agentmerge::detail
