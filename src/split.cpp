// Stage 1 of the merge: a variant holding whole documents back to back is
// split into its documents, which then merge like separate variants.
//
//   before: one body  "You are a backend architect...\n- ...\n# Backend Architect\n**Role**: ..."
//   after:  two AgentFiles with the same frontmatter:
//           [0] "You are a backend architect...\n- ..."   [1] "# Backend Architect\n**Role**: ..."
//
// A second document starts at a top-level H1 that is not the body's first
// section and either repeats an earlier H1's title or, when no earlier H1
// exists, names the agent itself ("# Backend Architect" in backend-architect)
// after some content. Any other H1 is an ordinary section.
#include <set>
#include <sstream>

#include "agentmerge/merge.hpp"
#include "agentmerge/normalize.hpp"
#include "merge_internal.hpp"

namespace agentmerge {
namespace detail {

namespace {

bool is_h1(const Section& s) {
  return s.level == 1 && (s.heading_kind == HeadingKind::Atx || s.heading_kind == HeadingKind::Setext);
}

// "backend-architect" -> "backend architect", comparable with a title.
std::string name_as_title(const AgentFile& file) {
  std::string n = normalize_name(file.name());
  for (char& c : n)
    if (c == '-') c = ' ';
  return normalize_title(n);
}

}  // namespace

std::vector<std::size_t> document_starts(const AgentFile& file) {
  const auto& kids = file.body.root.children;
  const std::string own = name_as_title(file);
  std::vector<std::size_t> starts;
  std::size_t doc_first = 0;  // root child index where the current document starts
  std::set<std::string> h1_titles;  // of the current document; empty before its first H1
  for (std::size_t i = 0; i < kids.size(); ++i) {
    const Section& s = kids[i];
    if (!is_h1(s)) continue;
    // A short note before the title is not a document of its own.
    const bool content_before = starts.empty()
                                    ? i > 0 || file.body.root.blocks.size() >= 3
                                    : i > doc_first;
    const std::string t = s.normalized_title.empty() ? normalize_title(s.title) : s.normalized_title;
    if (h1_titles.contains(t) || (h1_titles.empty() && content_before && t == own)) {
      if (starts.size() + 2 > kMaxDocuments) return {};  // repeated headings, not documents
      starts.push_back(i);
      doc_first = i;
      h1_titles.clear();
    }
    h1_titles.insert(t);
  }
  return starts;
}

int second_document_start(const AgentFile& file) {
  const auto starts = document_starts(file);
  return starts.empty() ? -1 : static_cast<int>(starts.front());
}

}  // namespace detail

namespace {

// Body text lines [from_line, to_line) of `body` (file line numbers).
std::string body_lines(const Body& body, int from_line, int to_line) {
  std::istringstream in(body.text);
  std::string line;
  std::string out;
  int n = body.first_line;
  while (std::getline(in, line)) {
    if (n >= from_line && (to_line <= 0 || n < to_line)) out += line + "\n";
    ++n;
  }
  return out;
}

}  // namespace

std::vector<AgentFile> split_documents(const AgentFile& file) {
  const std::vector<std::size_t> starts = detail::document_starts(file);
  if (starts.empty()) return {file};
  const auto& kids = file.body.root.children;
  // Everything but the body's sections, preamble and text, copied once.
  AgentFile shell;
  shell.source_name = file.source_name;
  shell.stem = file.stem;
  shell.format = file.format;
  shell.encoding = file.encoding;
  shell.frontmatter = file.frontmatter;
  shell.tools = file.tools;
  shell.diagnostics = file.diagnostics;
  shell.body.root.level = file.body.root.level;
  std::vector<AgentFile> docs;
  for (std::size_t d = 0; d <= starts.size(); ++d) {
    const std::size_t from = d == 0 ? 0 : starts[d - 1];
    const std::size_t to = d < starts.size() ? starts[d] : kids.size();
    AgentFile doc = shell;
    doc.body.first_line = d == 0 ? file.body.first_line : kids[from].line;
    if (d == 0) doc.body.root.blocks = file.body.root.blocks;
    doc.body.root.children.assign(kids.begin() + static_cast<std::ptrdiff_t>(from),
                                  kids.begin() + static_cast<std::ptrdiff_t>(to));
    const int end_line = d < starts.size() ? kids[to].line : 0;
    doc.body.text = body_lines(file.body, doc.body.first_line, end_line);
    docs.push_back(std::move(doc));
  }
  return docs;
}

}  // namespace agentmerge
