// Stage 3c of the merge: the skeleton's rules that need the whole merged
// tree (top-level sections already carry their role, align.cpp).
//
//   before: ## Key Actions  1. Analyze  2. Design      (primary)
//                           1. Requirements Analysis  2. Solution Design  (003)
//   after:  ## Key Actions  1. Analyze  2. Design
//           decision (needs review): 003's workflow is not spliced in
//
//   before: ## Focus Areas  - REST (doc A)  then  - gRPC (doc B, a list of its own)
//   after:  ## Focus Areas  - REST  - gRPC           (one list, as Markdown reads it)
//
// A bullet naming the topic of another document's section moves into that
// section (a section is never demoted into a bullet's nested items).
//
// Contracts: only documents other than the one whose workflow or template
// comes first lose theirs, each loss a Dropped source block with a named
// policy and a decision that needs review, its text in the report; lists
// of one document are never joined (fmt keeps them as written).
#include <algorithm>
#include <limits>

#include "agentmerge/normalize.hpp"
#include "merge_internal.hpp"

namespace agentmerge::detail {

namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

std::size_t block_doc(const MergeState& st, const MBlock& b) {
  return b.units.empty() ? kNone : st.units[b.units.front()].doc;
}

std::string source_of(const MergeState& st, std::size_t doc) {
  return st.report->sources[st.docs[doc].source].name;
}

void drop_unit(MergeState& st, std::size_t u, const char* policy) {
  for (std::size_t m : st.units[u].members) {
    auto& sb = st.report->source_blocks[m];
    sb.fate = BlockFate::Dropped;
    sb.policy = policy;
    sb.output = -1;
  }
  st.units[u].members.clear();
}

// A reviewer's choice keeps a block of this workflow or template: the
// whole of it stays (spliced as the reviewer asked), not only that block.
bool kept_by_reviewer(const MergeState& st, const MBlock& b) {
  return std::any_of(b.units.begin(), b.units.end(), [&](std::size_t u) { return st.keeps(u); });
}

bool kept_by_reviewer(const MergeState& st, const MSection& s) {
  if (std::any_of(s.blocks.begin(), s.blocks.end(), [&](const MBlock& b) { return kept_by_reviewer(st, b); }))
    return true;
  return std::any_of(s.children.begin(), s.children.end(),
                     [&](std::size_t c) { return kept_by_reviewer(st, st.sections[c]); });
}

std::string unit_text(const MergeState& st, const MBlock& b) {
  std::string t;
  for (std::size_t i = 0; i < b.units.size(); ++i)
    t += (i ? "\n" : "") + std::to_string(i + 1) + ". " + st.units[b.units[i]].content;
  return t;
}

// A workflow section keeps the steps of the first document that gives it
// an ordered list; another document's ordered list whose steps did not fold
// into it is a second workflow, not spliced in.
// The document that keeps its workflow or template among `docs`: the
// primary when it gives one, else the first in canonical order.
std::size_t keeper_of(const MergeState& st, const std::vector<std::size_t>& docs) {
  if (std::find(docs.begin(), docs.end(), st.primary_doc) != docs.end()) return st.primary_doc;
  return docs.empty() ? kNone : *std::min_element(docs.begin(), docs.end());
}

void one_workflow(MergeState& st, MSection& s) {
  std::vector<std::size_t> docs;
  for (const MBlock& b : s.blocks)
    if (b.kind == BlockKind::List && b.ordered && !b.units.empty()) docs.push_back(block_doc(st, b));
  const std::size_t keeper = keeper_of(st, docs);
  for (MBlock& b : s.blocks) {
    if (b.kind != BlockKind::List || !b.ordered || b.units.empty()) continue;
    const std::size_t doc = block_doc(st, b);
    if (doc == keeper || kept_by_reviewer(st, b)) continue;
    st.decide("section '" + s.title + "'", "one-workflow", "the steps of " + source_of(st, keeper),
              "a second workflow of " + std::to_string(b.units.size()) + " steps from " + source_of(st, doc) +
                  " is not spliced into the first; restore it by hand if it is the one to keep:\n" +
                  unit_text(st, b),
              Review::Needed)
        .block = st.units[b.units.front()].members.empty()
                     ? -1
                     : static_cast<int>(st.units[b.units.front()].members.front());
    for (std::size_t u : b.units) drop_unit(st, u, "one-workflow");
    b.units.clear();
  }
}

// An output section keeps the template (its subsections) of the first
// document that gives one; another document's template subsections go.
void one_output_template(MergeState& st, MSection& s) {
  std::vector<std::size_t> docs;
  for (std::size_t c : s.children) docs.push_back(st.sections[c].doc);
  const std::size_t keeper = keeper_of(st, docs);
  std::vector<std::size_t> kept;
  for (std::size_t c : s.children) {
    const std::size_t doc = st.sections[c].doc;
    if (doc == keeper || kept_by_reviewer(st, st.sections[c])) {
      kept.push_back(c);
      continue;
    }
    st.decide("section '" + s.title + " > " + st.sections[c].title + "'", "one-output-template",
              "the template of " + source_of(st, keeper),
              "a part of another output template ('" + st.sections[c].title + "', " + source_of(st, doc) +
                  ") is not spliced into the first one",
              Review::Needed);
    for (const MBlock& b : st.sections[c].blocks)
      for (std::size_t u : b.units) drop_unit(st, u, "one-output-template");
    for (std::size_t m : st.sections[c].heading_members) {
      auto& sb = st.report->source_blocks[m];
      sb.fate = BlockFate::Dropped;
      sb.policy = "one-output-template";
    }
    st.sections[c].heading_members.clear();
    st.sections[c].blocks.clear();
    st.sections[c].children.clear();
  }
  s.children = kept;
}

// Adjacent lists of one kind from different documents become one list;
// outside a workflow or an output section, where numbers carry no order,
// a numbered list joins the bullets before it as bullets (a decision).
void join_lists(MergeState& st, MSection& s) {
  const bool numbers_matter = s.role == SectionRole::Workflow || s.role == SectionRole::Output;
  std::vector<MBlock> out;
  for (MBlock& b : s.blocks) {
    if (b.units.empty()) continue;
    if (!out.empty() && out.back().kind == BlockKind::List && b.kind == BlockKind::List &&
        block_doc(st, out.back()) != block_doc(st, b) &&
        (out.back().ordered == b.ordered || (!numbers_matter && !out.back().ordered))) {
      if (b.ordered != out.back().ordered)
        st.decide("section '" + s.title + "'", "numbered-joins-bullets", "bullets",
                  "a numbered list of " + std::to_string(b.units.size()) + " items from " +
                      source_of(st, block_doc(st, b)) + " joins the bullet list before it",
                  Review::NotNeeded);
      out.back().units.insert(out.back().units.end(), b.units.begin(), b.units.end());
      out.back().base = nullptr;
      continue;
    }
    out.push_back(std::move(b));
  }
  s.blocks = std::move(out);
}

// The title of a lead-in paragraph ("Your primary responsibilities:" ->
// "Your primary responsibilities"), or "" when `b` is not one.
std::string lead_in_title(const Block& b) {
  if (b.kind != BlockKind::Paragraph || b.source.find('\n') != std::string::npos) return "";
  std::string t = b.source;
  while (!t.empty() && (t.back() == ' ' || t.back() == '*' || t.back() == '_')) t.pop_back();
  if (t.empty() || t.back() != ':') return "";
  t.pop_back();
  while (!t.empty() && (t.front() == '*' || t.front() == '_')) t.erase(t.begin());
  return t;
}

Section pseudo_section(const Block& label, std::string title, int level) {
  Section s;
  s.heading_kind = HeadingKind::Pseudo;
  s.level = level;
  s.normalized_title = normalize_title(title);
  s.title = std::move(title);
  s.line = label.line;
  s.heading_source = label.source;
  return s;
}

// The role of each section's top-level ancestor (root: Other).
void top_roles(const MergeState& st, std::size_t s, SectionRole role, std::vector<SectionRole>& out) {
  out[s] = role;
  for (std::size_t c : st.sections[s].children) top_roles(st, c, s == 0 ? st.sections[c].role : role, out);
}

// Moves unit `u` (a bullet with a lead-in) to the front of section `x`'s
// first bullet list, without its lead-in: the section says that topic.
void move_into_section(MergeState& st, std::size_t u, std::size_t x) {
  Unit& unit = st.units[u];
  unit.content = strip_lead(unit.content);
  unit.set_norm(normalize_text(unit.content));
  unit.lead_key.clear();
  unit.head_norm.clear();
  unit.swapped = true;
  auto& blocks = st.sections[x].blocks;
  auto list = std::find_if(blocks.begin(), blocks.end(),
                           [](const MBlock& b) { return b.kind == BlockKind::List && !b.ordered; });
  if (list == blocks.end()) {
    MBlock b;
    b.kind = BlockKind::List;
    list = blocks.insert(blocks.begin(), std::move(b));
  }
  list->units.insert(list->units.begin(), u);
  list->base = nullptr;
}

// A bullet of another document inside the section of its own topic loses
// the lead-in that repeats the section's title (as a moved bullet does).
void strip_repeated_leads(MergeState& st, std::size_t x) {
  for (MBlock& b : st.sections[x].blocks)
    for (std::size_t u : b.units) {
      Unit& unit = st.units[u];
      if (unit.item == nullptr || unit.lead_key != st.sections[x].key || unit.doc == st.sections[x].doc) continue;
      unit.content = strip_lead(unit.content);
      unit.set_norm(normalize_text(unit.content));
      unit.lead_key.clear();
      unit.swapped = true;
      b.base = nullptr;
    }
}

// A section that is only a label and a bullet list ("**Security**:" and
// its bullets): it says what a bullet with nested items says.
bool label_and_list(const MSection& s) {
  if (s.kind != HeadingKind::Pseudo || !s.children.empty()) return false;
  return std::all_of(s.blocks.begin(), s.blocks.end(),
                     [](const MBlock& b) { return b.kind == BlockKind::List && !b.ordered; });
}

struct Topic {
  std::size_t section = kNone;
  std::size_t block = 0;
  std::size_t index = 0;
};

// The first bullet of an unordered list outside section `x` (and outside
// protected sections) whose lead-in names `x`, from another document.
Topic topic_bullet(const MergeState& st, const std::vector<SectionRole>& roles, std::size_t x) {
  const MSection& target = st.sections[x];
  for (std::size_t y = 0; y < st.sections.size(); ++y) {
    if (y == x || protected_role(roles[y])) continue;
    const auto& blocks = st.sections[y].blocks;
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      if (blocks[b].kind != BlockKind::List || blocks[b].ordered) continue;
      for (std::size_t i = 0; i < blocks[b].units.size(); ++i) {
        const Unit& unit = st.units[blocks[b].units[i]];
        if (unit.item != nullptr && unit.lead_key == target.key && unit.doc != target.doc) return {y, b, i};
      }
    }
  }
  return {};
}

void detach_section(MergeState& st, std::size_t x) {
  for (MSection& p : st.sections) std::erase(p.children, x);
}

// Section `x` (a label and its list) goes below the bullet `t` that names
// its topic: its bullets become the bullet's nested items, its label folds
// into the bullet's lead-in.
void nest_section(MergeState& st, std::size_t x, const Topic& t) {
  const std::size_t bullet = st.sections[t.section].blocks[t.block].units[t.index];
  st.decide("section '" + st.sections[x].title + "'", "section-into-bullet", "nested",
            "the label '" + st.sections[x].title + "' and its list say what the bullet '" +
                st.units[bullet].content.substr(0, 60) + "' says; its items are nested below it",
            Review::NotNeeded);
  for (std::size_t m : st.sections[x].heading_members) {
    st.units[bullet].members.push_back(m);
    st.report->source_blocks[m].fate = BlockFate::Folded;
  }
  st.sections[x].heading_members.clear();
  for (MBlock& b : st.sections[x].blocks)
    for (std::size_t u : b.units) nest_unit(st, bullet, u);
  st.sections[x].blocks.clear();
  st.sections[t.section].blocks[t.block].base = nullptr;
  detach_section(st, x);
}

// A bullet whose lead-in names a section of another document ("- **Security**:
// authn, authz" and "## Security") goes into that section, lead-in removed;
// a section that is only a label and its list goes below the bullet instead
// (a heading with prose or subsections is never demoted into a bullet).
// Bullets of ordered lists and of protected sections (workflow, output,
// boundaries) stay where they are. Each move is a decision.
void move_topic_bullets(MergeState& st) {
  std::vector<SectionRole> roles(st.sections.size(), SectionRole::Other);
  top_roles(st, 0, SectionRole::Other, roles);
  for (std::size_t x = 1; x < st.sections.size(); ++x) {
    const MSection& target = st.sections[x];
    if (target.heading_members.empty() || target.key.starts_with("#role:") || protected_role(roles[x])) continue;
    if (label_and_list(target)) {
      if (const Topic t = topic_bullet(st, roles, x); t.section != kNone) {
        nest_section(st, x, t);
        continue;
      }
    }
    strip_repeated_leads(st, x);
    for (Topic t = topic_bullet(st, roles, x); t.section != kNone; t = topic_bullet(st, roles, x)) {
      MBlock& b = st.sections[t.section].blocks[t.block];
      const std::size_t u = b.units[t.index];
      st.decide("section '" + st.sections[x].title + "'", "bullet-into-section", "moved",
                "the bullet '" + st.units[u].content.substr(0, 60) + "' names the topic of section '" +
                    st.sections[x].title + "' and moves into it, its lead-in removed",
                Review::NotNeeded);
      b.units.erase(b.units.begin() + static_cast<std::ptrdiff_t>(t.index));
      b.base = nullptr;
      move_into_section(st, u, x);
    }
  }
}

// A lead-in label ("Prompting techniques:") whose list folded away entirely
// labels nothing any more: it goes with its list.
void drop_orphan_labels(MergeState& st, MSection& s) {
  for (std::size_t i = 0; i < s.blocks.size(); ++i) {
    MBlock& b = s.blocks[i];
    if (b.units.size() != 1 || !st.units[b.units.front()].lead_in) continue;
    if (i + 1 < s.blocks.size() && s.blocks[i + 1].kind == BlockKind::List) continue;
    drop_unit(st, b.units.front(), "lead-in-without-list");
    b.units.clear();
  }
}

// Paragraphs after the last list of a document's last pseudo-section
// ("**Quality Assurance:**", its list, then "Your goal is to deliver...")
// close the document, not the label's list: they join the preamble.
void move_closing_paragraphs(MergeState& st, Outline& out) {
  if (out.tops.empty()) return;
  const Section& last = *out.tops.back();
  if (last.heading_kind != HeadingKind::Pseudo || !last.children.empty()) return;
  std::size_t keep = last.blocks.size();
  while (keep > 0 && last.blocks[keep - 1].kind == BlockKind::Paragraph) --keep;
  if (keep == last.blocks.size() || keep == 0 || last.blocks[keep - 1].kind != BlockKind::List) return;
  st.synthetic.push_back(last);
  Section& cut = st.synthetic.back();
  cut.blocks.resize(keep);
  for (std::size_t i = keep; i < last.blocks.size(); ++i) out.intro.push_back(&last.blocks[i]);
  out.tops.back() = &cut;
}

}  // namespace

Outline reshape(MergeState& st, std::vector<const Block*> intro, std::vector<const Section*> tops) {
  Outline out;
  // A preamble lead-in whose title names a role, and its list: a section.
  for (std::size_t i = 0; i < intro.size(); ++i) {
    const std::string title = lead_in_title(*intro[i]);
    if (i + 1 < intro.size() && intro[i + 1]->kind == BlockKind::List && !title.empty() &&
        role_of(title) != SectionRole::Other) {
      st.synthetic.push_back(pseudo_section(*intro[i], title, 1));
      st.synthetic.back().blocks.push_back(*intro[i + 1]);
      out.tops.push_back(&st.synthetic.back());
      ++i;
      continue;
    }
    out.intro.push_back(intro[i]);
  }
  // An empty pseudo-heading ("**Core decisions you make:**") labels the
  // pseudo-sections after it: they become its subsections.
  for (std::size_t i = 0; i < tops.size(); ++i) {
    const Section& s = *tops[i];
    if (s.heading_kind != HeadingKind::Pseudo || !s.blocks.empty() || !s.children.empty() ||
        i + 1 >= tops.size() || tops[i + 1]->heading_kind != HeadingKind::Pseudo) {
      out.tops.push_back(tops[i]);
      continue;
    }
    st.synthetic.push_back(s);
    Section& parent = st.synthetic.back();
    while (i + 1 < tops.size() && tops[i + 1]->heading_kind == HeadingKind::Pseudo) {
      parent.children.push_back(*tops[++i]);
      parent.children.back().level = s.level + 1;
    }
    out.tops.push_back(&parent);
  }
  move_closing_paragraphs(st, out);
  return out;
}

bool consolidated(const MergeState& st) {
  for (const Unit& u : st.units)
    if (!u.members.empty() && u.doc != st.primary_doc) return true;
  for (const MSection& s : st.sections)
    if (!s.heading_members.empty() && s.doc != st.primary_doc) return true;
  return false;
}

void regroup_topics(MergeState& st) {
  move_topic_bullets(st);
  for (std::size_t c : st.root().children) {
    MSection& s = st.sections[c];
    if (s.role == SectionRole::Workflow) one_workflow(st, s);
    if (s.role == SectionRole::Output) one_output_template(st, s);
  }
}

void restructure(MergeState& st) {
  for (MSection& s : st.sections) {
    join_lists(st, s);
    drop_orphan_labels(st, s);
  }
}

}  // namespace agentmerge::detail
