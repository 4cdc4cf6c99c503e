// Reviewing a merge: the self-contained HTML review page and the per-source
// explanation printed by `merge --explain`.
//
//   review_html(merge([a.md, b.md])) ->
//     "<!doctype html>..."  one file, inline CSS and JS, no network access:
//       summary bar (sources, blocks kept / folded / dropped, decisions),
//       frontmatter decisions, the merged agent with every block coloured by
//       its sources (click: provenance and folded alternatives), one panel
//       per source with its blocks marked kept / folded / dropped.
//
//   explain_merge(result, sources) ->
//     "a.md (claude, primary): 7 blocks: 5 kept, 1 folded, 1 dropped\n"
//     "  folded: a.md:12 list-item \"REST APIs\" -> #4 \"RESTful API design\" (0.81)\n" ...
//
// Safety contract of the page: every text from the agent files is escaped;
// Markdown is rendered by cmark in safe mode (raw HTML and javascript: links
// are omitted); data embedded for the script is JSON with '<', '>' and '&'
// escaped, so no input can close the script element. A Content-Security-Policy
// allows only the page's own script (by nonce) and inline styles, and no
// network access at all.
#pragma once

#include <string>
#include <vector>

#include "agentmerge/ast.hpp"
#include "agentmerge/merge.hpp"

namespace agentmerge {

struct ReviewOptions {
  // Page title; default "Merge review: <agent name>".
  std::string title;
};

// The review page of one merge, as one HTML document.
std::string review_html(const MergeResult& result, const ReviewOptions& options = {});

// The CSS colour of source `index`: hues spread by the golden angle, with
// three lightness bands, so neighbours differ and any number of sources gets
// distinct colours.
std::string source_color(std::size_t index);

// Markdown -> HTML with cmark in safe mode (raw HTML omitted).
std::string markdown_to_safe_html(const std::string& markdown);

// Escapes text for HTML element content and attribute values.
std::string html_escape(std::string_view text);

// For each source of the merge, a compact structural account of what became
// of it: blocks kept (and those only it contributed), folded into another
// wording (with the wording and similarity), dropped (with the policy), and
// its frontmatter and tools against the merged result. `sources` are the
// parsed input files; they are matched to the report's sources by name.
std::string explain_merge(const MergeResult& result, const std::vector<AgentFile>& sources);

}  // namespace agentmerge
