// The merge engine's driver: N variants in, one canonical agent out.
//
//   before: [b.md (copilot, "## Focus\n- gRPC"), a.md (claude, "# API\n## Focus\n- REST")]
//   after:  sources sorted by canonical text -> [a.md, b.md]; primary = medoid;
//           target = most variants' format (ties: the primary's);
//           "# API\n\n## Focus\n\n- REST\n- gRPC\n" + MergeReport
//
// Order independence: sources are sorted by their canonical text (then
// name) before anything else, and every later tie is broken by that order,
// so any permutation of the inputs gives byte-identical output.
#include <fnmatch.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <sstream>

#include "agentmerge/emit.hpp"
#include "agentmerge/merge.hpp"
#include "agentmerge/normalize.hpp"
#include "markdown.hpp"
#include "merge_internal.hpp"

namespace agentmerge {

std::string_view to_string(BlockFate f) {
  switch (f) {
    case BlockFate::Kept: return "kept";
    case BlockFate::Folded: return "folded";
    case BlockFate::Dropped: return "dropped";
  }
  return "kept";
}

std::size_t MergeReport::count(BlockFate fate) const {
  return static_cast<std::size_t>(std::count_if(source_blocks.begin(), source_blocks.end(),
                                                [&](const SourceBlock& b) { return b.fate == fate; }));
}

bool MergeReport::needs_review() const {
  return std::any_of(decisions.begin(), decisions.end(),
                     [](const Decision& d) { return agentmerge::needs_review(d.review); });
}

namespace detail {

std::size_t MergeState::add_source_block(std::size_t doc, int line, int end_line, std::string kind,
                                         std::string section, std::string text) {
  SourceBlock b;
  b.source = docs[doc].source;
  b.line = line;
  b.end_line = end_line;
  b.kind = std::move(kind);
  b.section = std::move(section);
  b.text = std::move(text);
  report->source_blocks.push_back(std::move(b));
  const std::size_t sb = report->source_blocks.size() - 1;
  if (!choices.empty()) {
    if (const auto it = choices.find(choice_key(*this, report->source_blocks[sb])); it != choices.end()) {
      block_choice.resize(sb + 1);
      block_choice[sb] = it->second;
    }
  }
  return sb;
}

Decision& MergeState::decide(std::string subject, std::string policy, std::string chosen,
                             std::string message, Review review) {
  Decision d;
  d.subject = std::move(subject);
  d.policy = std::move(policy);
  d.chosen = std::move(chosen);
  d.message = std::move(message);
  d.review = review;
  report->decisions.push_back(std::move(d));
  return report->decisions.back();
}

}  // namespace detail

namespace {

using detail::Doc;
using detail::MergeState;

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

bool is_h1(const Section& s) {
  return s.level == 1 && (s.heading_kind == HeadingKind::Atx || s.heading_kind == HeadingKind::Setext);
}

// The document's title: its only H1 when nothing comes before it, or null.
const Section* title_of(const AgentFile& f) {
  if (!f.body.root.blocks.empty() || f.body.root.children.empty() || !is_h1(f.body.root.children.front()))
    return nullptr;
  const Section* t = nullptr;
  for (const Section& s : f.body.root.children)
    if (is_h1(s)) {
      if (t) return nullptr;
      t = &s;
    }
  return t;
}

// Index of the primary document.
Result<std::size_t> choose_primary(const std::vector<const AgentFile*>& sources,
                                   const std::vector<Doc>& docs, const MergeOptions& options) {
  std::vector<int> priority(sources.size(), 0);
  for (std::size_t i = 0; i < sources.size(); ++i)
    for (const auto& sp : options.config.source_priority)
      if (fnmatch(sp.glob.c_str(), sources[i]->source_name.c_str(), 0) == 0)
        priority[i] = std::max(priority[i], sp.priority);
  if (options.primary) {
    for (std::size_t d = 0; d < docs.size(); ++d)
      if (sources[docs[d].source]->source_name == *options.primary) return d;
    return Error{*options.primary, 0, "unknown-primary", "--primary names none of the sources"};
  }
  if (docs.size() == 1) return std::size_t{0};
  std::vector<std::string> norms;
  std::vector<TextSignature> sigs;
  for (const Doc& d : docs) {
    norms.push_back(normalize_text(d.file->body.text));
    sigs.push_back(text_signature(norms.back()));
  }
  // Each other file votes once, with its document closest to i: the
  // documents of one file (a multi-document source) do not vote for each
  // other, so merge(out, v) keeps out as the primary.
  std::size_t best = 0;
  double best_mean = -1;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    std::vector<double> vote(sources.size(), -1.0);
    for (std::size_t j = 0; j < docs.size(); ++j) {
      if (docs[j].source == docs[i].source) continue;
      const double sim = norms[i] == norms[j] ? 1.0 : similarity(sigs[i], sigs[j]);
      vote[docs[j].source] = std::max(vote[docs[j].source], sim);
    }
    double sum = 0;
    std::size_t voters = 0;
    for (double v : vote)
      if (v >= 0) {
        sum += v;
        ++voters;
      }
    const double mean = voters > 0 ? sum / static_cast<double>(voters) : 1.0;
    // Ties (always, with two documents): the fuller document, then canonical order.
    const auto key = std::make_tuple(priority[docs[i].source], mean, norms[i].size());
    const auto best_key = std::make_tuple(priority[docs[best].source], best_mean, norms[best].size());
    if (best_mean < 0 || key > best_key) {
      best = i;
      best_mean = mean;
    }
  }
  return best;
}

Format choose_target(const std::vector<const AgentFile*>& sources, std::size_t primary,
                     const MergeOptions& options) {
  if (options.target) return *options.target;
  if (options.config.target) return *options.config.target;
  std::map<Format, int> counts;
  for (const AgentFile* f : sources) ++counts[f->format];
  Format best = sources[primary]->format;
  for (const auto& [f, n] : counts)
    if (f != Format::Unknown && n > counts[best]) best = f;
  return best == Format::Unknown ? Format::Claude : best;
}

void merge_document(MergeState& st, std::size_t d) {
  const AgentFile& f = *st.docs[d].file;
  const Section* title = title_of(f);
  std::vector<const Block*> intro;
  for (const Block& b : f.body.root.blocks) intro.push_back(&b);
  std::vector<const Section*> tops;
  for (const Section& s : f.body.root.children) {
    if (&s != title) {
      tops.push_back(&s);
      continue;
    }
    const std::size_t sb = st.add_source_block(d, s.line, s.line, "heading", s.title, s.title);
    if (st.title == static_cast<std::size_t>(-1)) {
      detail::MSection t;
      t.key = "#title";
      t.kind = s.heading_kind;
      t.source_level = s.level;
      t.heading = s.title;
      t.title = s.title;
      t.doc = d;
      t.base = &s;
      st.sections.push_back(std::move(t));
      st.title = st.sections.size() - 1;
    } else {
      auto& b = st.report->source_blocks[sb];
      b.fate = BlockFate::Folded;
      b.similarity = token_similarity(normalize_title(st.sections[st.title].title), normalize_title(s.title));
    }
    st.sections[st.title].heading_members.push_back(sb);
    st.sections[st.title].docs.insert(d);
    for (const Block& b : s.blocks) intro.push_back(&b);
    for (const Section& c : s.children) tops.push_back(&c);
  }
  if (st.documents_differ) {
    detail::Outline o = detail::reshape(st, std::move(intro), std::move(tops));
    intro = std::move(o.intro);
    tops = std::move(o.tops);
  }
  st.docs[d].role_statement = detail::role_statement_of(intro);
  detail::merge_blocks(st, 0, intro, d, "");
  detail::align_children(st, 0, tops, d, "");
}

// Sources sorted by their canonical text, then name, so that any
// permutation of the inputs gives the same merge (one source needs no
// ordering, and no emission for it).
std::vector<const AgentFile*> canonical_order(const std::vector<const AgentFile*>& variants) {
  std::vector<std::pair<std::string, std::size_t>> keyed;
  keyed.reserve(variants.size());
  for (std::size_t i = 0; i < variants.size(); ++i)
    keyed.emplace_back(variants.size() == 1 ? std::string() : emit(*variants[i]).text + '\0' + variants[i]->source_name, i);
  std::sort(keyed.begin(), keyed.end());
  std::vector<const AgentFile*> sources;
  sources.reserve(keyed.size());
  for (const auto& k : keyed) sources.push_back(variants[k.second]);
  return sources;
}

// Adds each source's documents to the state and the report. A source of
// several documents is split into `split[i]`; a source of one document
// (nearly all) is used in place, not copied.
void add_documents(MergeState& st, const std::vector<const AgentFile*>& sources,
                   std::vector<std::vector<AgentFile>>& split) {
  split.resize(sources.size());
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (detail::second_document_start(*sources[i]) >= 0) split[i] = split_documents(*sources[i]);
    std::vector<const AgentFile*> parts;
    for (const AgentFile& f : split[i]) parts.push_back(&f);
    if (parts.empty()) parts.push_back(sources[i]);
    st.report->sources.push_back({sources[i]->source_name, sources[i]->name(), sources[i]->format,
                                  static_cast<int>(parts.size())});
    for (const AgentFile* f : parts)
      st.docs.push_back({i, f, split_lines(f->body.text), f->body.first_line});
  }
}

// The 1-based line of the "description:" key in `text`, or 0.
int description_line(const std::string& text) {
  const auto lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (lines[i].rfind("description:", 0) == 0) return static_cast<int>(i) + 1;
  return 0;
}

// Frontmatter blocks: the primary's description and each appended example
// are output blocks (at the description's line); what folded goes to the
// description.
void add_frontmatter_blocks(MergeReport& report, int desc_line) {
  int description_block = -1;
  for (int pass = 0; pass < 2; ++pass)
    for (std::size_t i = 0; i < report.source_blocks.size(); ++i) {
      SourceBlock& sb = report.source_blocks[i];
      if ((sb.kind != "example" && sb.kind != "description") || sb.fate == BlockFate::Dropped) continue;
      const bool own_block = sb.fate == BlockFate::Kept;
      if (pass == 0 && own_block && sb.kind == "description") description_block = static_cast<int>(report.output_blocks.size());
      if (pass == 0 && own_block) {
        OutputBlock ob;
        ob.id = static_cast<int>(report.output_blocks.size());
        ob.line = ob.end_line = desc_line;
        ob.kind = sb.kind;
        ob.section = "frontmatter";
        ob.text = sb.text;
        ob.sources = {sb.source};
        sb.output = ob.id;
        report.output_blocks.push_back(std::move(ob));
      } else if (pass == 1 && !own_block && description_block >= 0) {
        sb.output = description_block;
        auto& ob = report.output_blocks[static_cast<std::size_t>(description_block)];
        ob.folded.push_back(i);
        if (std::find(ob.sources.begin(), ob.sources.end(), sb.source) == ob.sources.end()) ob.sources.push_back(sb.source);
      }
    }
}

struct Written {
  detail::Rendered rendered;
  EmitResult emitted;
};

// Renders the merge state as the body of `merged` and emits the file.
Written write_merged(detail::MergeState& st, AgentFile& merged, Format target) {
  Written w{detail::render(st), {}};
  std::vector<Diagnostic> diags;
  merged.body = detail::parse_body(w.rendered.body, 1, merged.source_name, diags);
  w.emitted = emit(merged, target);
  return w;
}

// The target's body limit applies to a merge of differing documents; one
// file alone (or copies of it) is written as fmt writes it, whatever its
// size (lint reports a body over the limit).
std::size_t target_limit(const detail::MergeState& st, Format target) {
  return st.documents_differ ? body_char_limit(target) : 0;
}

// Bytes over the limits (budget tokens, the target's body characters), 0
// when within both. Characters over are counted as bytes: an upper bound.
std::size_t over_limits(const detail::MergeState& st, const Written& w, Format target,
                        const MergeOptions& options) {
  std::size_t over = 0;
  if (options.budget_tokens) {
    const std::size_t tokens = estimate_tokens(w.emitted.text);
    if (tokens > *options.budget_tokens) over = (tokens - *options.budget_tokens) * 4;
  }
  if (const std::size_t limit = target_limit(st, target); limit > 0) {
    const std::size_t chars = body_chars(w.rendered.body);
    if (chars > limit) over = std::max(over, chars - limit);
  }
  return over;
}

// Drops the least supported content until the file is within the limits,
// re-rendering to check (the drop sizes are estimates); every outcome other
// than "nothing to do" is a decision.
void fit_limits(detail::MergeState& st, AgentFile& merged, Format target,
                const MergeOptions& options, Written& w) {
  const std::size_t before = w.emitted.text.size();
  std::size_t dropped = 0;
  for (int round = 0; round < 32; ++round) {
    const std::size_t over = over_limits(st, w, target, options);
    if (over == 0) break;
    const std::size_t n = detail::drop_least_supported(st, over);
    if (n == 0) break;
    dropped += n;
    w = write_merged(st, merged, target);
  }
  const std::string limit =
      (options.budget_tokens ? std::to_string(*options.budget_tokens) + " tokens" : std::string()) +
      (options.budget_tokens && target_limit(st, target) > 0 ? " and " : "") +
      (target_limit(st, target) > 0
           ? std::string(to_string(target)) + "'s " + std::to_string(target_limit(st, target)) +
                 " characters of body"
           : std::string());
  if (dropped > 0)
    st.decide("budget", "least-supported", std::to_string(dropped) + " blocks dropped",
              "to fit " + limit + ", " + std::to_string(dropped) + " blocks said by the fewest "
                  "variants were dropped (" + std::to_string(before) + " -> " +
                  std::to_string(w.emitted.text.size()) + " bytes, about " +
                  std::to_string(estimate_tokens(w.emitted.text)) + " tokens); each is listed "
                  "with its text",
              Review::Needed);
  if (over_limits(st, w, target, options) > 0)
    st.decide("budget", "limit-not-met", std::to_string(estimate_tokens(w.emitted.text)) + " tokens",
              "the merged file is still above " + limit + ": what is left may not be dropped "
                  "(role statement, headings, frontmatter)",
              Review::Needed);
}

}  // namespace

std::size_t estimate_tokens(std::string_view text) { return (text.size() + 3) / 4; }

std::size_t body_char_limit(Format format) { return format == Format::Copilot ? 30000 : 0; }

std::size_t body_chars(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

Result<MergeResult> merge(const std::vector<AgentFile>& variants, const MergeOptions& options) {
  std::vector<const AgentFile*> pointers;
  pointers.reserve(variants.size());
  for (const AgentFile& f : variants) pointers.push_back(&f);
  return merge(pointers, options);
}

namespace {

std::size_t count_blocks(const std::vector<Block>& blocks);

std::size_t count_blocks(const Block& b) {
  std::size_t n = 1;
  // An item's own text is its first child paragraph: an item counts once.
  for (const ListItem& item : b.items) n += std::max<std::size_t>(1, count_blocks(item.children));
  return n;
}

std::size_t count_blocks(const std::vector<Block>& blocks) {
  std::size_t n = 0;
  for (const Block& b : blocks) n += count_blocks(b);
  return n;
}

// Blocks, list items and headings of a section tree, without recursion on
// sections (a body nests sections at most seven deep, but very many).
std::size_t count_blocks(const Section& root) {
  std::size_t n = 0;
  std::vector<const Section*> todo{&root};
  while (!todo.empty()) {
    const Section* s = todo.back();
    todo.pop_back();
    n += 1 + count_blocks(s->blocks);
    for (const Section& c : s->children) todo.push_back(&c);
  }
  return n;
}

std::optional<Error> too_many_blocks(const std::vector<const AgentFile*>& variants,
                                     std::size_t max_blocks) {
  std::size_t total = 0;
  for (const AgentFile* f : variants) total += count_blocks(f->body.root);
  if (total <= max_blocks) return std::nullopt;
  return Error{variants.front()->source_name, 0, "too-many-blocks",
               "the variants hold " + std::to_string(total) + " blocks and list items, above the "
               "limit of " + std::to_string(max_blocks) + " for one merge (--max-blocks)"};
}

}  // namespace

Result<MergeResult> merge(const std::vector<const AgentFile*>& variants, const MergeOptions& options) {
  if (variants.empty()) return Error{"", 0, "no-input", "nothing to merge"};
  if (auto refused = too_many_blocks(variants, options.max_blocks)) return *refused;
  const std::vector<const AgentFile*> sources = canonical_order(variants);
  MergeResult result;
  MergeReport& report = result.report;
  report.thresholds = options.config.thresholds;
  MergeState st;
  st.config = &options.config;
  st.report = &report;
  std::vector<std::vector<AgentFile>> split;
  add_documents(st, sources, split);
  detail::load_choices(st, options.choices);  // after the sources are named
  auto primary_doc = choose_primary(sources, st.docs, options);
  if (!primary_doc) return primary_doc.error();
  report.primary = st.docs[*primary_doc].source;
  report.target = choose_target(sources, report.primary, options);
  for (std::size_t i = 0; i < sources.size(); ++i)
    if (split[i].size() > 1)
      st.decide("document split", "split-documents", std::to_string(split[i].size()) + " documents",
                sources[i]->source_name + " holds " + std::to_string(split[i].size()) +
                    " documents back to back; merged as separate variants",
                Review::NotNeeded);

  AgentFile& merged = result.merged;
  merged.format = report.target;
  detail::FrontmatterInput fin{sources, report.primary, report.target, &options};
  detail::merge_frontmatter(fin, merged, report);
  merged.source_name = merged.name() + ".md";
  merged.stem = merged.name();

  st.sections.emplace_back();  // root
  st.primary_doc = *primary_doc;
  // A body built in code (no source text) is never taken as a copy of another.
  for (const auto& d : st.docs)
    if (d.file->body.text != st.docs.front().file->body.text || d.file->body.text.empty())
      st.documents_differ = st.docs.size() > 1;
  st.section_order = options.config.section_order;
  merge_document(st, *primary_doc);
  for (std::size_t d = 0; d < st.docs.size(); ++d)
    if (d != *primary_doc) merge_document(st, d);
  if (st.documents_differ) {  // identical documents merge to one of them, as fmt writes it
    detail::regroup_topics(st);
    detail::consolidate(st);
    detail::restructure(st);
  }
  Written w = write_merged(st, merged, report.target);
  fit_limits(st, merged, report.target, options, w);
  detail::check_choices(st);
  if (w.rendered.levels_repaired > 0)
    st.decide("headings", "one-h1-no-jumps", std::to_string(w.rendered.levels_repaired) + " headings",
              "heading levels changed so that the result has one H1 at most and no jumps",
              Review::NotNeeded);
  detail::Rendered& r = w.rendered;
  result.text = std::move(w.emitted.text);
  for (auto& b : r.blocks) {
    b.line += w.emitted.body_offset;
    b.end_line += w.emitted.body_offset;
  }
  report.output_blocks = std::move(r.blocks);
  add_frontmatter_blocks(report, description_line(result.text));
  return result;
}

}  // namespace agentmerge
