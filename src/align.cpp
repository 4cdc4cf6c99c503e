// Stage 2 of the merge: sections of each document are aligned with the
// merged tree, by heading key first, then by content similarity.
//
//   merged:   [Triggers, Focus Areas, Outputs]
//   document: [Core Competencies, Approach, Deliverables]
//   keys:     Core Competencies ~ Focus Areas, Deliverables ~ Outputs (synonym table)
//   after:    [Triggers, Focus Areas, Approach, Outputs]
//             (Approach is inserted after its nearest aligned predecessor,
//              found by an LCS over the aligned sequences)
//
// An unmatched section whose topic is a bullet lead-in elsewhere
// ("**API Design**:" vs "- **API Design**: REST") goes below that bullet.
// A content match whose runner-up is almost as close is recorded as an
// ambiguous alignment that needs review.
#include <algorithm>
#include <limits>
#include <set>

#include <dtl/dtl.hpp>

#include "agentmerge/normalize.hpp"
#include "agentmerge/section_roles.hpp"
#include "merge_internal.hpp"

namespace agentmerge::detail {

namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
// A runner-up content match within this margin makes the alignment ambiguous.
constexpr double kAmbiguityMargin = 0.05;

struct Match {
  std::size_t frame = kNone;  // position in the parent's children
  double similarity = 0;
};

// The alignment key of `s` below `parent`: a top-level section with a known
// role heading aligns by its role ("Focus Areas" ~ "Key Capabilities"), every other
// section by its heading key.
std::string align_key(const MergeState& st, const Section& s, std::size_t parent) {
  if (parent == 0 && st.documents_differ) {
    const SectionRole role = heading_role(s.title);
    if (role != SectionRole::Other) return "#role:" + std::string(to_string(role));
  }
  return section_key(st, s);
}

std::vector<Match> match_children(MergeState& st, std::size_t parent,
                                  const std::vector<const Section*>& children, std::size_t doc,
                                  const std::string& path) {
  const std::vector<std::size_t> frame = st.sections[parent].children;
  std::vector<Match> m(children.size());
  std::vector<bool> used(frame.size(), false);
  for (std::size_t j = 0; j < children.size(); ++j) {
    const std::string key = align_key(st, *children[j], parent);
    // A role section of a later document also takes that document's second
    // section of the same role: one section per role.
    // Among sections of one role, the same heading is preferred, then one
    // this document has not given content to yet.
    const bool role_key = key.starts_with("#role:");
    const std::string own = section_key(st, *children[j]);
    std::size_t best = kNone;
    int best_rank = 0;
    for (std::size_t i = 0; i < frame.size(); ++i) {
      const MSection& f = st.sections[frame[i]];
      if (f.key != key) continue;
      const bool open = !used[i] && f.docs.count(doc) == 0;
      if (!role_key && !open) continue;
      if (role_key && doc == st.primary_doc) continue;
      const int rank = (f.heading_key == own ? 2 : 0) + (open ? 1 : 0);
      if (best == kNone || rank > best_rank) {
        best = i;
        best_rank = rank;
      }
    }
    if (best != kNone) {
      m[j] = {best, 1.0};
      used[best] = true;
    }
  }
  struct Cand {
    double sim;
    std::size_t i, j;
  };
  std::vector<Cand> cands;
  std::vector<std::string> frame_norms(frame.size());
  std::vector<TextSignature> frame_sigs(frame.size());
  for (std::size_t i = 0; i < frame.size(); ++i)
    if (!used[i] && st.sections[frame[i]].docs.count(doc) == 0) {
      frame_norms[i] = msection_norm(st, frame[i]);
      frame_sigs[i] = text_signature(frame_norms[i]);
    }
  const bool any_open = std::any_of(frame_norms.begin(), frame_norms.end(),
                                    [](const std::string& n) { return !n.empty(); });
  for (std::size_t j = 0; j < children.size() && any_open; ++j) {
    if (m[j].frame != kNone) continue;
    const std::string norm = section_norm(*children[j]);
    if (norm.empty()) continue;
    const TextSignature sig = text_signature(norm);
    for (std::size_t i = 0; i < frame.size(); ++i) {
      if (used[i] || frame_norms[i].empty()) continue;
      const double sim = frame_norms[i] == norm ? 1.0 : similarity(frame_sigs[i], sig);
      if (sim >= st.config->thresholds.section_content) cands.push_back({sim, i, j});
    }
  }
  std::stable_sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) {
    return a.sim != b.sim ? a.sim > b.sim : (a.i != b.i ? a.i < b.i : a.j < b.j);
  });
  for (const Cand& c : cands) {
    if (used[c.i] || m[c.j].frame != kNone) continue;
    m[c.j] = {c.i, c.sim};
    used[c.i] = true;
    for (const Cand& other : cands)
      if (other.j == c.j && other.i != c.i && other.sim > c.sim - kAmbiguityMargin) {
        st.decide("section '" + path + (path.empty() ? "" : " > ") + children[c.j]->title + "'",
                  "content-similarity", st.sections[frame[c.i]].title,
                  "aligned by content with '" + st.sections[frame[c.i]].title +
                      "', but '" + st.sections[frame[other.i]].title + "' is almost as close",
                  Review::Needed);
        break;
      }
  }
  return m;
}

// Frame positions whose matches keep their relative order (the LCS).
std::set<long long> ordered_matches(std::size_t frame_size, const std::vector<Match>& m) {
  std::vector<long long> a(frame_size);
  for (std::size_t i = 0; i < frame_size; ++i) a[i] = static_cast<long long>(i);
  std::vector<long long> b;
  for (std::size_t j = 0; j < m.size(); ++j)
    b.push_back(m[j].frame == kNone ? -1 - static_cast<long long>(j) : static_cast<long long>(m[j].frame));
  dtl::Diff<long long> d(a, b);
  d.compose();
  const auto lcs = d.getLcsVec();
  return {lcs.begin(), lcs.end()};
}

std::size_t position_of(const MergeState& st, std::size_t parent, std::size_t section) {
  const auto& kids = st.sections[parent].children;
  return static_cast<std::size_t>(std::find(kids.begin(), kids.end(), section) - kids.begin());
}

std::size_t new_section(MergeState& st, const Section& s, std::size_t doc, std::size_t parent) {
  MSection m;
  m.key = align_key(st, s, parent);
  m.heading_key = section_key(st, s);
  m.role = role_of(s.title);
  m.kind = s.heading_kind;
  m.source_level = s.level;
  m.heading = heading_text(st.docs[doc], s);
  m.title = s.title;
  m.doc = doc;
  m.base = &s;
  st.sections.push_back(std::move(m));
  return st.sections.size() - 1;
}

}  // namespace

std::string section_key(const MergeState& st, const Section& s) {
  const std::string t = s.normalized_title.empty() ? normalize_title(s.title) : s.normalized_title;
  return heading_key(*st.config, t);
}

std::string heading_text(const Doc& doc, const Section& s) {
  if (s.heading_kind != HeadingKind::Pseudo) return s.title;
  std::string raw = doc.text_of(s.line, s.line);
  const std::size_t start = raw.find_first_not_of(' ');
  raw = start == std::string::npos ? s.title : raw.substr(start);
  while (!raw.empty() && raw.back() == ' ') raw.pop_back();
  return raw;
}

void merge_section_into(MergeState& st, std::size_t target, const Section& s, std::size_t doc,
                        const std::string& path) {
  std::vector<const Block*> blocks;
  for (const Block& b : s.blocks) blocks.push_back(&b);
  merge_blocks(st, target, blocks, doc, path);
  std::vector<const Section*> kids;
  for (const Section& c : s.children) kids.push_back(&c);
  align_children(st, target, kids, doc, path);
}

void align_children(MergeState& st, std::size_t parent, const std::vector<const Section*>& children,
                    std::size_t doc, const std::string& path) {
  const std::size_t frame_size = st.sections[parent].children.size();
  const std::vector<std::size_t> frame = st.sections[parent].children;
  const std::vector<Match> m = match_children(st, parent, children, doc, path);
  const std::set<long long> in_order = ordered_matches(frame_size, m);
  std::size_t insert_at = 0;
  for (std::size_t j = 0; j < children.size(); ++j) {
    const Section& s = *children[j];
    const std::string sub = path.empty() ? s.title : path + " > " + s.title;
    const std::size_t sb = st.add_source_block(doc, s.line, s.line, "heading", sub,
                                               heading_text(st.docs[doc], s));
    auto& fate = st.report->source_blocks[sb];
    if (m[j].frame != kNone) {
      const std::size_t target = frame[m[j].frame];
      fate.fate = BlockFate::Folded;
      fate.similarity = m[j].similarity;
      st.sections[target].heading_members.push_back(sb);
      st.sections[target].docs.insert(doc);
      if (in_order.count(static_cast<long long>(m[j].frame)) != 0)
        insert_at = position_of(st, parent, target) + 1;
      merge_section_into(st, target, s, doc, sub);
      continue;
    }
    // A section is never demoted into the nested bullets of a list item
    // with the same topic: it stays a section.
    const std::size_t created = new_section(st, s, doc, parent);
    st.sections[created].heading_members.push_back(sb);
    auto& kids = st.sections[parent].children;
    insert_at = std::min(insert_at, kids.size());
    kids.insert(kids.begin() + static_cast<std::ptrdiff_t>(insert_at), created);
    ++insert_at;
    merge_section_into(st, created, s, doc, sub);
  }
}

}  // namespace agentmerge::detail
