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

int second_document_start(const AgentFile& file) {
  const auto& kids = file.body.root.children;
  const std::string own = name_as_title(file);
  bool seen_h1 = false;
  std::vector<std::string> h1_titles;
  for (std::size_t i = 0; i < kids.size(); ++i) {
    const Section& s = kids[i];
    if (!is_h1(s)) continue;
    // A short note before the title is not a document of its own.
    const bool content_before = i > 0 || file.body.root.blocks.size() >= 3;
    const std::string t = s.normalized_title.empty() ? normalize_title(s.title) : s.normalized_title;
    bool repeats = false;
    for (const auto& prev : h1_titles) repeats = repeats || prev == t;
    if (repeats || (!seen_h1 && content_before && t == own)) return static_cast<int>(i);
    seen_h1 = true;
    h1_titles.push_back(t);
  }
  return -1;
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
  std::vector<AgentFile> docs;
  AgentFile rest = file;
  while (true) {
    const int cut = detail::second_document_start(rest);
    if (cut < 0) break;
    AgentFile first = rest;
    auto& kids = first.body.root.children;
    kids.erase(kids.begin() + cut, kids.end());
    const int cut_line = rest.body.root.children[static_cast<std::size_t>(cut)].line;
    first.body.text = body_lines(rest.body, rest.body.first_line, cut_line);
    docs.push_back(std::move(first));
    AgentFile second = rest;
    second.body.root.blocks.clear();
    auto& kids2 = second.body.root.children;
    kids2.erase(kids2.begin(), kids2.begin() + cut);
    second.body.text = body_lines(rest.body, cut_line, 0);
    second.body.first_line = cut_line;
    rest = std::move(second);
  }
  docs.push_back(std::move(rest));
  return docs;
}

}  // namespace agentmerge
