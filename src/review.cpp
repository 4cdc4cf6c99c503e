// Stage "review": a MergeResult in, one self-contained HTML page out.
//
//   MergeResult{ sources [a.md, b.md], output_blocks [#0 heading, #1 list-item
//                from a+b with 1 folded], decisions [tools: union] }
//     -> <header> summary bar: 2 sources, 3 source blocks: 2 kept, 1 folded ...
//        <section id="decisions"> one row per decision (data-decision)
//        <article id="merged"> <div data-block-id="1" data-sources="0 1"> ...
//        <section id="sources"> <details data-source="0"> <li data-sb="0" data-fate="kept">
//
// Scale: everything is generated in one pass over the report (linear in its
// size); the script indexes source blocks once and uses event delegation,
// so 20 sources and a 100 KB agent stay responsive. Per-source colours and
// filter rules are generated CSS (one rule per source).
#include "agentmerge/review.hpp"

#include "agentmerge/decisions.hpp"

#include <cmark.h>
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include <nlohmann/json.hpp>

#include "review_internal.hpp"

namespace agentmerge {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string markdown_to_safe_html(const std::string& markdown) {
  // cmark >= 0.29 is safe by default: raw HTML becomes "<!-- raw HTML
  // omitted -->" and javascript:/vbscript:/file:/data: links are dropped.
  // CMARK_OPT_UNSAFE must never be passed here.
  char* html = cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT);
  std::string out = html != nullptr ? html : "";
  std::free(html);  // NOLINT(cppcoreguidelines-no-malloc): cmark allocates with malloc
  return out;
}

std::string source_color(std::size_t index) {
  const double hue = std::fmod(static_cast<double>(index) * 137.508, 360.0);
  // Lightness alternates in three bands so that hues that come close again
  // after many sources still differ.
  static constexpr int kLightness[] = {42, 32, 52};
  char buf[48];
  std::snprintf(buf, sizeof buf, "hsl(%.0f 70%% %d%%)", hue, kLightness[(index / 7) % 3]);
  return buf;
}

namespace {

using Json = nlohmann::ordered_json;

// JSON safe inside <script>: no '<', '>' or '&' can end the element or open a
// comment, and U+2028/2029 are escaped too.
std::string script_safe_json(const Json& j) {
  const std::string raw = j.dump(-1, ' ', false, Json::error_handler_t::replace);
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (raw.compare(i, 3, "\xE2\x80\xA8") == 0 || raw.compare(i, 3, "\xE2\x80\xA9") == 0) {
      out += raw[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\n");
  const auto e = s.find_last_not_of(" \t\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::string agent_name(const MergeResult& r) {
  std::string n = r.merged.name();
  return n.empty() ? std::string("agent") : n;
}

// Vertical stripes of the contributing sources' colours (at most 8 stripes;
// the badge gives the full count).
std::string stripe_style(const std::vector<std::size_t>& sources) {
  if (sources.empty()) return "background:#bbb";
  const std::size_t n = std::min<std::size_t>(sources.size(), 8);
  if (n == 1) return "background:" + source_color(sources[0]);
  std::string g = "background:linear-gradient(to bottom";
  for (std::size_t i = 0; i < n; ++i) {
    const std::string from = std::to_string(i * 100 / n);
    const std::string to = std::to_string((i + 1) * 100 / n);
    g += "," + source_color(sources[i]) + " " + from + "% " + to + "%";
  }
  return g + ")";
}

void summary_bar(std::ostringstream& o, const MergeReport& r) {
  std::size_t review = 0;
  for (const auto& d : r.decisions) review += needs_review(d.review) ? 1 : 0;
  auto item = [&](const char* key, std::size_t n, const char* label) {
    o << "<span class=\"count\" data-count=\"" << key << "\"><b>" << n << "</b> " << label
      << "</span>";
  };
  o << "<nav id=\"summary\" aria-label=\"summary\">";
  item("sources", r.sources.size(), "sources");
  item("source-blocks", r.source_blocks.size(), "source blocks");
  item("kept", r.count(BlockFate::Kept), "kept");
  item("folded", r.count(BlockFate::Folded), "folded");
  item("dropped", r.count(BlockFate::Dropped), "dropped");
  item("output-blocks", r.output_blocks.size(), "output blocks");
  item("decisions", r.decisions.size(), "decisions");
  item("review", review, "need review");
  o << "<span class=\"count\">target <b>" << html_escape(to_string(r.target)) << "</b></span>";
  o << "<span class=\"keys muted\">keys: <kbd>n</kbd>/<kbd>p</kbd> next/previous to review, "
       "<kbd>j</kbd>/<kbd>k</kbd> next/previous block, <kbd>Esc</kbd> clear</span>";
  o << "</nav>\n";
}

void source_chip(std::ostringstream& o, const MergeReport& r, std::size_t i) {
  o << "<span class=\"chip\" style=\"--c:" << source_color(i) << "\">"
    << html_escape(i < r.sources.size() ? r.sources[i].name : "?") << "</span>";
}

// Frontmatter keys a reviewer may take from one source (the page's
// <select>, merge --decisions "values"): every key but the name and the
// description, which are built from several sources.
bool choosable(const std::string& subject) {
  return subject.rfind("frontmatter.", 0) == 0 && subject != "frontmatter.name" &&
         subject != "frontmatter.description";
}

// A <select> of the sources' values for the first decision on a key whose
// sources disagree; the option of the value written is marked when a
// previous choice (policy "reviewer") made it.
void value_choice(std::ostringstream& o, const MergeReport& r, const Decision& d,
                  std::vector<std::string>& offered) {
  if (!choosable(d.subject)) return;
  const std::string key = d.subject.substr(std::string("frontmatter.").size());
  if (std::find(offered.begin(), offered.end(), key) != offered.end()) return;
  std::vector<std::string> distinct;
  for (const std::string& v : d.source_values)
    if (!v.empty() && std::find(distinct.begin(), distinct.end(), v) == distinct.end()) distinct.push_back(v);
  if (distinct.size() < 2 && d.policy != "reviewer") return;
  offered.push_back(key);
  o << "<label class=\"choose\">take <select data-key=\"" << html_escape(key)
    << "\"><option value=\"\">as merged</option>";
  bool marked = false;
  for (std::size_t i = 0; i < d.source_values.size() && i < r.sources.size(); ++i) {
    if (d.source_values[i].empty()) continue;
    const bool taken = !marked && d.policy == "reviewer" && d.source_values[i] == d.chosen;
    marked = marked || taken;
    o << "<option value=\"" << html_escape(r.sources[i].name) << "\"" << (taken ? " selected" : "")
      << ">" << html_escape(d.source_values[i]) << " (" << html_escape(r.sources[i].name)
      << ")</option>";
  }
  o << "</select></label>";
}

// The exported decisions file, kept current by the script as choices change.
void choices_panel(std::ostringstream& o) {
  o << "<div id=\"choices\"><h2>Your choices</h2><p class=\"muted\">Take a value above, or "
       "<b>keep</b> a folded or dropped block and <b>use this wording</b> in the sources below. "
       "Then apply them: <code>agentmerge merge SOURCE... --decisions decisions.json</code></p>"
       "<button type=\"button\" id=\"choices-download\">Download decisions.json</button> "
       "<button type=\"button\" id=\"choices-copy\">Copy</button> "
       "<span id=\"choices-count\" class=\"muted\">no choices</span>"
       "<textarea id=\"decisions-json\" readonly rows=\"6\" aria-label=\"decisions file\">"
       "</textarea></div>";
}

void decisions_table(std::ostringstream& o, const MergeReport& r) {
  o << "<section id=\"decisions\"><h2>Decisions</h2>";
  if (r.decisions.empty()) {
    o << "<p class=\"muted\">No decisions were needed.</p>";
    choices_panel(o);
    o << "</section>\n";
    return;
  }
  o << "<table><thead><tr><th>subject</th><th>policy</th><th>chosen</th>"
       "<th>per source</th><th>note</th></tr></thead><tbody>\n";
  std::vector<std::string> offered;  // keys that already have a choice
  for (std::size_t k = 0; k < r.decisions.size(); ++k) {
    const Decision& d = r.decisions[k];
    const bool needed = needs_review(d.review);
    const bool danger = d.review == Review::Danger;
    o << "<tr id=\"dec-" << k << "\" data-decision=\"" << k << "\" data-review=\""
      << (danger ? "danger" : needed ? "needed" : "no") << "\""
      << (danger ? " class=\"needs-review danger\" tabindex=\"0\""
                 : needed ? " class=\"needs-review\" tabindex=\"0\"" : "")
      << "><td>" << html_escape(d.subject)
      << "</td><td>" << html_escape(d.policy) << "</td><td><code>" << html_escape(d.chosen)
      << "</code></td><td>";
    for (std::size_t i = 0; i < d.source_values.size(); ++i) {
      if (d.source_values[i].empty()) continue;
      o << "<div class=\"sv\">";
      source_chip(o, r, i);
      o << " <code>" << html_escape(d.source_values[i]) << "</code></div>";
    }
    o << "</td><td>" << html_escape(d.message);
    if (d.block >= 0 && static_cast<std::size_t>(d.block) < r.source_blocks.size()) {
      const SourceBlock& b = r.source_blocks[static_cast<std::size_t>(d.block)];
      o << " <a class=\"to-block\" href=\"#sb-" << d.block << "\">"
        << html_escape(b.source < r.sources.size() ? r.sources[b.source].name : "?") << ":" << b.line
        << "</a>";
    }
    value_choice(o, r, d, offered);
    o << "</td></tr>\n";
  }
  o << "</tbody></table>";
  choices_panel(o);
  o << "</section>\n";
}

// The frontmatter of the merged text ("---\n...\n---\n"), or "".
std::string frontmatter_text(const std::string& text) {
  if (text.rfind("---\n", 0) != 0) return {};
  const std::size_t end = text.find("\n---\n", 3);
  return end == std::string::npos ? std::string() : text.substr(0, end + 5);
}

// Blocks the merge engine accounts for inside the frontmatter.
bool is_frontmatter_block(const OutputBlock& b) { return b.section == "frontmatter"; }

void output_block(std::ostringstream& o, const MergeReport& r, const OutputBlock& b) {
  o << "<div class=\"ob";
  for (const std::size_t s : b.sources) o << " s" << s;
  o << "\" id=\"ob-" << b.id << "\" data-block-id=\"" << b.id << "\" data-sources=\"";
  for (std::size_t i = 0; i < b.sources.size(); ++i) o << (i ? " " : "") << b.sources[i];
  o << "\" data-kind=\"" << html_escape(b.kind) << "\" data-section=\"" << html_escape(b.section)
    << "\" data-lines=\"" << b.line << "-" << b.end_line << "\" data-folded=\"" << b.folded.size()
    << "\" tabindex=\"0\"><div class=\"bar\" style=\"" << stripe_style(b.sources) << "\"></div>";
  o << "<div class=\"badge\">" << b.sources.size() << "/" << r.sources.size();
  if (!b.folded.empty()) o << " &middot; +" << b.folded.size() << " folded";
  if (is_frontmatter_block(b)) {
    // Frontmatter text (description, <example> blocks) is YAML content, not
    // Markdown: shown as text.
    o << "</div><div class=\"md\"><span class=\"kind\">" << html_escape(b.kind)
      << "</span><pre class=\"fmv\">" << html_escape(b.text) << "</pre></div></div>\n";
    return;
  }
  const std::string rendered = markdown_to_safe_html(b.text);
  o << "</div><div class=\"md\">" << rendered;
  // Raw HTML is omitted by the renderer; a reviewer must still see that it is
  // there, so it is shown as escaped text.
  if (rendered.find("<!-- raw HTML omitted -->") != std::string::npos)
    o << "<div class=\"raw\"><span class=\"kind\">raw HTML, shown as text</span><pre>"
      << html_escape(b.text) << "</pre></div>";
  o << "</div></div>\n";
}

void merged_view(std::ostringstream& o, const MergeResult& m) {
  const MergeReport& r = m.report;
  o << "<div id=\"cols\"><article id=\"merged\"><h2>Merged agent</h2>";
  const std::string fm = frontmatter_text(m.text);
  if (!fm.empty()) o << "<pre class=\"fm\">" << html_escape(fm) << "</pre>";
  if (r.output_blocks.empty()) {
    // No block accounting (e.g. an empty merge): show the text as a whole.
    o << "<div class=\"md\">" << markdown_to_safe_html(m.text.substr(fm.size())) << "</div>";
  }
  // Frontmatter blocks first, under the frontmatter they belong to: the
  // description, then the rest (its <example> blocks).
  for (const OutputBlock& b : r.output_blocks)
    if (is_frontmatter_block(b) && b.kind == "description") output_block(o, r, b);
  for (const OutputBlock& b : r.output_blocks)
    if (is_frontmatter_block(b) && b.kind != "description") output_block(o, r, b);
  for (const OutputBlock& b : r.output_blocks)
    if (!is_frontmatter_block(b)) output_block(o, r, b);
  o << "</article><aside id=\"inspector\"><h2>Provenance</h2><p class=\"muted\">Hover or click"
       " a block of the merged agent, or a block of a source below.</p></aside></div>\n";
}

// Buttons that turn a block's fate into a choice: keep a folded or dropped
// block (or one a previous choice kept), use a folded block's wording.
void block_actions(std::ostringstream& o, const SourceBlock& b) {
  if (b.fate == BlockFate::Kept && b.choice.empty()) return;
  if (b.kind == "heading" || b.kind == "description" || b.kind == "example") return;
  o << " <span class=\"act\"><button type=\"button\" data-act=\"keep\" aria-pressed=\"false\">keep"
    << (b.fate == BlockFate::Folded ? " apart" : "") << "</button>";
  if (b.fate == BlockFate::Folded || b.choice == "wording")
    o << "<button type=\"button\" data-act=\"wording\" aria-pressed=\"false\">use this wording</button>";
  o << "</span>";
}

void source_panels(std::ostringstream& o, const MergeReport& r) {
  std::vector<const std::string*> out_text;  // output id -> its text
  for (const OutputBlock& b : r.output_blocks) {
    if (b.id < 0) continue;
    const auto id = static_cast<std::size_t>(b.id);
    if (id >= out_text.size()) out_text.resize(id + 1, nullptr);
    out_text[id] = &b.text;
  }
  std::vector<std::vector<std::size_t>> per(r.sources.size());
  std::vector<std::vector<std::size_t>> named_by(r.source_blocks.size());  // block -> decisions
  for (std::size_t k = 0; k < r.decisions.size(); ++k)
    if (const int b = r.decisions[k].block; b >= 0 && static_cast<std::size_t>(b) < named_by.size())
      named_by[static_cast<std::size_t>(b)].push_back(k);
  for (std::size_t k = 0; k < r.source_blocks.size(); ++k)
    if (r.source_blocks[k].source < per.size()) per[r.source_blocks[k].source].push_back(k);
  o << "<section id=\"sources\"><h2>Sources</h2><div id=\"legend\">"
       "<button class=\"chip all\" data-filter=\"-1\">all sources</button>";
  for (std::size_t i = 0; i < r.sources.size(); ++i) {
    o << "<button class=\"chip\" data-filter=\"" << i << "\" style=\"--c:" << source_color(i)
      << "\">" << html_escape(r.sources[i].name) << "</button>";
  }
  o << "</div>\n";
  for (std::size_t i = 0; i < r.sources.size(); ++i) {
    const SourceInfo& s = r.sources[i];
    std::size_t n[3] = {0, 0, 0};
    for (const std::size_t k : per[i]) ++n[static_cast<int>(r.source_blocks[k].fate)];
    o << "<details class=\"src\" data-source=\"" << i << "\" style=\"--c:" << source_color(i)
      << "\"" << (r.sources.size() <= 6 ? " open" : "") << "><summary><span class=\"sw\"></span><b>"
      << html_escape(s.name) << "</b> " << html_escape(s.agent_name) << " ("
      << html_escape(to_string(s.format)) << (i == r.primary ? ", primary" : "")
      << (s.documents > 1 ? ", " + std::to_string(s.documents) + " documents" : "") << ") &mdash; "
      << n[0] << " kept &middot; " << n[1] << " folded &middot; " << n[2] << " dropped</summary><ol>";
    for (const std::size_t k : per[i]) {
      const SourceBlock& b = r.source_blocks[k];
      // A block whose text is exactly its output block's is not repeated
      // (20 variants of one agent are mostly such duplicates).
      const auto out = static_cast<std::size_t>(b.output);
      const bool same = b.output >= 0 && out < out_text.size() && out_text[out] != nullptr &&
                        trimmed(*out_text[out]) == trimmed(b.text);
      o << "<li id=\"sb-" << k << "\" data-sb=\"" << k << "\" data-fate=\"" << to_string(b.fate) << "\" data-output=\""
        << b.output << "\" data-line=\"" << b.line << "\"";
      if (b.fate == BlockFate::Folded) o << " data-sim=\"" << fixed2(b.similarity) << "\"";
      if (!b.policy.empty()) o << " data-policy=\"" << html_escape(b.policy) << "\"";
      // A fold below the fold threshold (a subsumption, a role statement)
      // reads as a warning, with its similarity in the text, not only in
      // an attribute.
      const bool weak = b.fate == BlockFate::Folded && b.similarity < r.thresholds.fold;
      if (weak) o << " class=\"weak\"";
      o << " data-hash=\"" << block_hash(b.text) << "\"";
      if (!b.choice.empty()) o << " data-choice=\"" << html_escape(b.choice) << "\"";
      o << "><span class=\"loc\">line " << b.line << "</span> <span class=\"fate\">"
        << to_string(b.fate) << "</span> <span class=\"kind\">" << html_escape(b.kind)
        << "</span>";
      if (b.fate == BlockFate::Folded) {
        o << " <span class=\"sim\">similarity " << fixed2(b.similarity)
          << (weak ? " &lt; fold threshold " + fixed2(r.thresholds.fold) + ": weak fold, check it"
                   : "")
          << "</span>";
      }
      for (const std::size_t d : named_by[k])
        o << " <a class=\"to-decision\" href=\"#dec-" << d << "\">decision: "
          << html_escape(r.decisions[d].policy) << "</a>";
      block_actions(o, b);
      if (same) {
        o << " <span class=\"same\">same text as #" << b.output << "</span></li>\n";
      } else {
        o << "<pre>" << html_escape(b.text) << "</pre></li>\n";
      }
    }
    o << "</ol></details>\n";
  }
  o << "</section>\n";
}

// Colour and filter rules, one per source: "#merged.f3 .ob:not(.s3)" dims the
// blocks that source 3 did not contribute to.
std::string per_source_css(std::size_t n) {
  std::string css;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string s = std::to_string(i);
    css += "#merged.f" + s + " .ob:not(.s" + s + "){opacity:.22}\n";
  }
  return css;
}

Json page_data(const MergeReport& r) {
  Json sources = Json::array();
  for (std::size_t i = 0; i < r.sources.size(); ++i) {
    const SourceInfo& s = r.sources[i];
    sources.push_back(Json{{"name", s.name},
                           {"agent_name", s.agent_name},
                           {"format", std::string(to_string(s.format))},
                           {"documents", s.documents},
                           {"color", source_color(i)}});
  }
  return Json{{"sources", sources},
              {"primary", r.primary},
              {"source_blocks", r.source_blocks.size()},
              {"output_blocks", r.output_blocks.size()},
              {"thresholds", Json{{"fold", r.thresholds.fold},
                                  {"section_content", r.thresholds.section_content}}}};
}

}  // namespace

std::string review_html(const MergeResult& m, const ReviewOptions& options) {
  const MergeReport& r = m.report;
  const std::string title = options.title.empty() ? "Merge review: " + agent_name(m) : options.title;
  std::ostringstream body;
  body << "<header><h1>" << html_escape(title) << "</h1>";
  summary_bar(body, r);
  body << "</header>\n<main>";
  decisions_table(body, r);
  merged_view(body, m);
  source_panels(body, r);
  body << "</main>\n<footer class=\"muted\">fold threshold " << fixed2(r.thresholds.fold)
       << " &middot; section threshold " << fixed2(r.thresholds.section_content)
       << "</footer>\n<script type=\"application/json\" id=\"am-data\">" << script_safe_json(page_data(r))
       << "</script>\n";
  const std::string content = body.str();
  // A nonce derived from the content: stable output for identical merges,
  // and no input can predict it, since it depends on that input.
  char nonce[17];
  std::snprintf(nonce, sizeof nonce, "%016llx",
                static_cast<unsigned long long>(XXH64(content.data(), content.size(), 0x5eed)));
  std::ostringstream o;
  o << "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
    << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
       "style-src 'unsafe-inline'; img-src data:; script-src 'nonce-" << nonce << "'\">\n"
    << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    << "<title>" << html_escape(title) << "</title>\n<style>" << detail::kReviewCss
    << per_source_css(r.sources.size()) << "</style></head>\n<body>\n"
    << content << "<script nonce=\"" << nonce << "\">" << detail::kReviewJs << "</script>\n"
    << "</body></html>\n";
  return o.str();
}

}  // namespace agentmerge
