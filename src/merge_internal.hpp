// Internal data of the merge engine, shared by its stage files:
//   split.cpp            variant -> documents
//   merge_frontmatter.cpp  per-key policies (a table)
//   merge_body.cpp       block and list-item union with near-duplicate folding
//   align.cpp            section alignment (heading keys, content, LCS)
//   merge_render.cpp     merged tree -> Markdown body text
//   report.cpp           report JSON and summary
//   merge.cpp            orchestration: canonical order, primary, target
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "agentmerge/ast.hpp"
#include "agentmerge/config.hpp"
#include "agentmerge/merge.hpp"
#include "agentmerge/normalize.hpp"
#include "agentmerge/section_roles.hpp"

namespace agentmerge::detail {

// One document of one source (a variant holding two documents gives two).
struct Doc {
  std::size_t source = 0;          // index into MergeReport::sources
  const AgentFile* file = nullptr; // the split document
  std::vector<std::string> lines;  // body lines; lines[i] is file line first_line + i
  int first_line = 1;
  // The paragraph that opens the document's preamble by telling the agent
  // who it is ("You are a backend architect..."), or null.
  const Block* role_statement = nullptr;

  // Source lines [from, to] joined with '\n' (clamped to the document).
  std::string text_of(int from, int to) const;
};

// A set of document indices as a bitset: membership is asked for every
// (candidate, unit) pair of a merge, millions of times on large clusters.
class DocSet {
 public:
  void insert(std::size_t doc) {
    if (doc / 64 >= bits_.size()) bits_.resize(doc / 64 + 1, 0);
    bits_[doc / 64] |= std::uint64_t{1} << (doc % 64);
  }
  std::size_t count(std::size_t doc) const {
    return doc / 64 < bits_.size() && ((bits_[doc / 64] >> (doc % 64)) & 1U) != 0 ? 1 : 0;
  }

 private:
  std::vector<std::uint64_t> bits_;
};

// An output unit: a paragraph/code/table/... block, or one list item.
struct Unit {
  std::size_t doc = 0;              // document of the wording kept
  const Block* block = nullptr;     // base block (non-list units)
  const ListItem* item = nullptr;   // base item (list units)
  std::string content;              // Markdown: item text without its marker,
                                    // or the block's canonical text
  std::string norm;                 // normalized text for matching
  // Similarity features of `norm`, computed on first use: a unit that is
  // never compared (one document merged alone) never pays for them.
  mutable std::optional<TextSignature> sig_cache;
  const TextSignature& sig() const {
    if (!sig_cache) sig_cache = text_signature(norm);
    return *sig_cache;
  }
  void set_norm(std::string n) {
    norm = std::move(n);
    sig_cache.reset();
  }
  std::string lead_key;             // heading key of a bold lead-in, or ""
  std::string lead_topic;           // the lead-in's topic words without facet words, or ""
  std::vector<std::string> nested;  // contents added below an item (topic merges)
  std::vector<std::string> nested_norms;
  std::vector<TextSignature> nested_sigs;
  std::vector<std::size_t> nested_docs;  // the document each nested text comes from
  // An item with nested content also matches by its own first paragraph
  // (its head), so a bullet without children finds the same bullet with
  // them; empty when the item has no nested content.
  std::string head_norm;
  TextSignature head_sig;
  std::vector<std::size_t> members; // SourceBlock indices accounted to this unit
  DocSet docs;                      // documents that contributed
  bool swapped = false;             // the base wording was replaced by a fuller one
  bool lead_in = false;             // a one-line paragraph ending in ':' that labels the list after it
};

struct MBlock {
  BlockKind kind = BlockKind::Paragraph;
  bool ordered = false;
  const Block* base = nullptr;      // the source block this output block started as
  std::vector<std::size_t> units;   // indices into MergeState::units
};

struct MSection {
  std::string key;                  // alignment key (synonym-mapped title, or "#role:NAME")
  SectionRole role = SectionRole::Other;
  std::string heading_key;          // synonym-mapped title (== key unless key is a role)
  HeadingKind kind = HeadingKind::Root;
  int source_level = 0;
  std::string heading;              // heading as rendered, markers excluded for ATX
  std::string title;                // plain title for paths
  std::size_t doc = 0;
  const Section* base = nullptr;
  std::vector<std::size_t> heading_members;  // SourceBlock indices of headings
  std::vector<MBlock> blocks;
  std::vector<std::size_t> children;         // indices into MergeState::sections
  DocSet docs;
  bool all_folded_elsewhere = false;         // created empty by folding
};

struct MergeState {
  const Config* config = nullptr;
  MergeReport* report = nullptr;
  std::vector<Doc> docs;
  std::vector<Unit> units;
  std::vector<MSection> sections;  // [0] = root (intro and top-level sections)
  std::size_t title = static_cast<std::size_t>(-1);  // the H1 title section, if any
  std::size_t role_unit = static_cast<std::size_t>(-1);  // unit holding the role statement
  std::size_t primary_doc = 0;     // the document merged first
  std::vector<SectionRole> section_order;  // canonical order of top-level sections
  bool documents_differ = false;   // not every document has the same body
  std::deque<Section> synthetic;   // sections made by reshape() (stable addresses)

  // The reviewer's block choices (MergeOptions::choices) with their sources
  // named as in the report, and the same by "source\nline\nhash"; empty
  // without --decisions (load_choices).
  std::vector<BlockChoice> block_choices;
  std::unordered_map<std::string, BlockAction> choices;
  // Per source block: the choice that names it, looked up once when the
  // block is added (add_source_block); shorter than source_blocks when the
  // last blocks have none.
  std::vector<std::optional<BlockAction>> block_choice;

  MSection& root() { return sections[0]; }
  // The reviewer's action for source block `sb`, if a choice names it.
  std::optional<BlockAction> chosen(std::size_t sb) const;
  // True when a member of unit `u` is to be kept as its own block (never
  // folded away or dropped).
  bool keeps(std::size_t u) const;
  // True when a member of unit `u` has the reviewer's "wording" choice.
  bool prefers(std::size_t u) const;
  std::size_t add_source_block(std::size_t doc, int line, int end_line, std::string kind,
                               std::string section, std::string text);
  Decision& decide(std::string subject, std::string policy, std::string chosen,
                   std::string message, Review review);
};

// ---- split.cpp
// A file is split into at most this many documents; one whose top-level
// headings would cut it into more repeats headings (a "# t" per section),
// it is not documents back to back, and is read as one document.
inline constexpr std::size_t kMaxDocuments = 4;
// The root child indexes where the second, third... documents start, in
// one pass; empty for a single document.
std::vector<std::size_t> document_starts(const AgentFile& file);
// The root child index where a second document starts, or -1.
int second_document_start(const AgentFile& file);

// ---- merge_body.cpp
// The first block of a preamble when it is a role statement (a paragraph
// addressing the agent: "You are...", "You design..."), else null.
const Block* role_statement_of(const std::vector<const Block*>& preamble);
// Item content without its list marker, continuation lines dedented.
std::string item_content(const Doc& doc, const ListItem& item);
// `content` with a leading bold lead-in ("**API Design**: ") removed.
std::string strip_lead(const std::string& content);

// Width of the list marker opening `line` with its space ("- ", "12. "),
// 0 when the line does not open a list item.
std::size_t list_marker_len(std::string_view line);

// The texts a lead-in item's rest (strip_lead's output) nests as: the rest
// itself, or, when the lead-in had nothing after it on its line, each of
// its bullets (marker off, continuation lines dedented), so a label item
// never becomes an empty bullet above its own list.
std::vector<std::string> nested_parts(const std::string& rest);
// Merges `blocks` of document `doc` into section `target` (an index).
void merge_blocks(MergeState& st, std::size_t target, const std::vector<const Block*>& blocks,
                  std::size_t doc, const std::string& path);
// Normalized text of everything below a section, for content alignment.
std::string section_norm(const Section& s);
std::string msection_norm(const MergeState& st, std::size_t index);
// A unit whose lead-in key is `key`, not contributed by `doc`; npos if none.
std::size_t find_topic_item(const MergeState& st, const std::string& key, std::size_t doc);
// An item of `section` from another document whose lead-in names the same
// topic with other facet words ("API Architecture" for "API Design").
std::size_t find_facet_item(const MergeState& st, const std::string& topic, std::size_t doc,
                            std::size_t section);

// Moves item unit `u` below item unit `into` (a topic merge at skeleton
// time); `u` keeps no members.
void nest_unit(MergeState& st, std::size_t into, std::size_t u);

// ---- merge_choices.cpp
// Indexes the reviewer's block choices into st.block_choices and
// st.choices, sources resolved to the report's names (after the sources
// are added, before merging).
void load_choices(MergeState& st, const ReviewChoices& choices);
// The "source\nline\nhash" key of st.choices for a source block.
std::string choice_key(const MergeState& st, const SourceBlock& b);
// After merging: marks each source block a choice names (SourceBlock::
// choice) and records what was applied, and every choice that names no
// block of this merge or could not be applied, as decisions.
void check_choices(MergeState& st);

// ---- merge_budget.cpp
// Drops the least supported units until about half of `over` bytes are
// freed (the caller re-renders and calls again) (see
// the file's header); returns how many units were dropped (0: nothing
// left that may be dropped).
std::size_t drop_least_supported(MergeState& st, std::size_t over);

// ---- merge_consolidate.cpp
// Folds every piece (sentence, item, nested bullet) that another piece of a
// unit from other documents subsumes; see the file's header.
void consolidate(MergeState& st);

// ---- merge_skeleton.cpp
struct Outline {
  std::vector<const Block*> intro;
  std::vector<const Section*> tops;
};
// A document's outline as the skeleton reads it, for merges of documents
// that differ: a preamble lead-in paragraph naming a role ("Your primary
// responsibilities:") and its list become a section; an empty bold
// pseudo-heading followed by pseudo-sections becomes their parent. New
// sections live in st.synthetic.
Outline reshape(MergeState& st, std::vector<const Block*> intro, std::vector<const Section*> tops);
// Before consolidation, so that nothing folds into what goes: topic moves
// across sections (a bullet naming another document's section moves into
// it, a label-and-list section naming a bullet nests below it), then one
// workflow and one output template (the first merged; the others are
// dropped as decisions that need review).
void regroup_topics(MergeState& st);
// After consolidation: no two lists of one kind back to back from
// different documents (they would fuse): they become one list; a lead-in
// whose list folded away goes with it.
void restructure(MergeState& st);
// True when the output holds wording of more than one document: the
// skeleton (sections by role, in order) applies only then, so one document
// merged alone or with itself comes out as fmt writes it.
bool consolidated(const MergeState& st);

// ---- align.cpp
// Merges document section `s` into merged section `target`.
void merge_section_into(MergeState& st, std::size_t target, const Section& s, std::size_t doc,
                        const std::string& path);
// Aligns `children` of document `doc` with the children of merged `parent`.
void align_children(MergeState& st, std::size_t parent, const std::vector<const Section*>& children,
                    std::size_t doc, const std::string& path);
std::string section_key(const MergeState& st, const Section& s);
std::string heading_text(const Doc& doc, const Section& s);

// ---- merge_render.cpp
struct Rendered {
  std::string body;                       // Markdown body text
  std::vector<OutputBlock> blocks;        // lines relative to the body (1-based)
  int levels_repaired = 0;
};
Rendered render(MergeState& st);

// ---- merge_frontmatter.cpp
struct FrontmatterInput {
  std::vector<const AgentFile*> sources;  // one per source file, canonical order
  std::size_t primary = 0;                // index into sources
  Format target = Format::Unknown;
  const MergeOptions* options = nullptr;
};
// Builds the merged frontmatter and tool set into `out`; records decisions
// and the description's <example> blocks in `report`.
void merge_frontmatter(const FrontmatterInput& in, AgentFile& out, MergeReport& report);

}  // namespace agentmerge::detail
