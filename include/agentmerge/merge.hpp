// The merge engine: N variants of one agent in, one canonical agent out,
// with a provenance report that accounts for every source block.
//
//   merge([a.md: "## Focus\n- REST APIs\n", b.md: "## Focus Areas\n- REST API design\n- gRPC\n"])
//     -> "## Focus Areas\n- REST API design\n- gRPC\n"
//        report: a.md:2 folded into output#1 (0.81), b.md:2 kept, b.md:3 kept
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agentmerge/ast.hpp"
#include "agentmerge/convert.hpp"
#include "agentmerge/config.hpp"
#include "agentmerge/decisions.hpp"
#include "agentmerge/result.hpp"

namespace agentmerge {

struct MergeOptions {
  std::optional<std::string> name;      // --name
  std::optional<Format> target;         // --to; default: most variants' format
  std::optional<std::string> primary;   // --primary: a source_name
  Config config = default_config();     // policies, thresholds, synonyms
  // Blocks and list items over all variants that one merge accepts
  // (--max-blocks). Alignment and consolidation compare blocks pairwise, so
  // time grows with the square of this count; the largest real merges hold
  // under 1,000. More: Error "too-many-blocks".
  std::size_t max_blocks = 6000;
  // --budget TOKENS: the written file (frontmatter and body) is kept within
  // this many tokens, as estimate_tokens counts them, by dropping the least
  // supported content (docs/merge.md, "Size budget"). None: nothing is
  // dropped except by folding (a target's own body limit still applies).
  std::optional<std::size_t> budget_tokens;
  // --decisions FILE: a reviewer's choices (decisions.hpp). A choice that
  // names no block or source of this merge is a decision that needs review
  // ("stale-choice"), never applied elsewhere.
  ReviewChoices choices;
};

// Tokens of a text, estimated as one per 4 bytes, rounded up: the usual
// rule of thumb for English prose and Markdown (within about 15% of the
// common tokenizers on agent files), and what --budget counts.
std::size_t estimate_tokens(std::string_view text);

// The most characters (Unicode code points) of body a format's tool reads,
// or 0 when it states no limit (Copilot: 30,000).
std::size_t body_char_limit(Format format);

// Characters of a UTF-8 text as body_char_limit counts them: code points
// (bytes that do not continue a sequence).
std::size_t body_chars(std::string_view text);

enum class BlockFate { Kept, Folded, Dropped };
std::string_view to_string(BlockFate f);

// A unit of content that the report accounts for: a list item, a paragraph,
// a code block, a heading, an <example> of a description...
struct SourceBlock {
  std::size_t source = 0;   // index into MergeReport::sources
  int line = 0;
  int end_line = 0;
  std::string kind;         // "heading", "paragraph", "list-item", "code", ...
  std::string section;      // section path in the source, "Focus Areas"
  std::string text;         // source text
  BlockFate fate = BlockFate::Kept;
  int output = -1;          // OutputBlock::id it was kept as or folded into
  double similarity = 1.0;  // to that output block
  std::string policy;       // for Dropped: the named policy
  std::string choice;       // "keep" / "wording" when a reviewer's choice names it
};

struct OutputBlock {
  int id = 0;
  int line = 0;             // in the merged text
  int end_line = 0;
  std::string kind;
  std::string section;      // section path in the output
  std::string text;         // as emitted
  std::vector<std::size_t> sources;  // source indices that contributed
  std::vector<std::size_t> folded;   // SourceBlock indices folded into it
};

// Danger: needs review, and the merged agent may do something a source
// explicitly withheld (a denied tool, a modifying tool for a read-only
// variant). Shown as a danger on the summary, the report and the page.
enum class Review { NotNeeded, Needed, Danger };

inline bool needs_review(Review r) { return r != Review::NotNeeded; }

// One frontmatter or structure decision.
struct Decision {
  std::string subject;      // "frontmatter.tools", "frontmatter.model",
                            // "section 'Focus Areas'", "document split", ...
  std::string policy;       // "union", "primary", "most-common", ...
  std::string chosen;       // the value or action taken
  std::vector<std::string> source_values;  // per source (parallel to sources);
                                           // "" when the source has none
  std::string message;      // one sentence for people
  Review review = Review::NotNeeded;
  // The source block (index into MergeReport::source_blocks) a decision
  // about one block names (a fold by subsumption, a budget drop, a second
  // workflow, a reviewer's choice), or -1. The review page links the two.
  int block = -1;
};

struct SourceInfo {
  std::string name;         // source_name
  std::string agent_name;   // name() of the variant
  Format format = Format::Unknown;
  int documents = 1;        // >1 when the file held documents back to back
};

struct MergeReport {
  std::vector<SourceInfo> sources;
  std::size_t primary = 0;
  Format target = Format::Unknown;
  Thresholds thresholds;
  std::vector<SourceBlock> source_blocks;
  std::vector<OutputBlock> output_blocks;
  std::vector<Decision> decisions;

  std::size_t count(BlockFate fate) const;
  bool needs_review() const;
};

struct MergeResult {
  AgentFile merged;   // the merged AST (format = target)
  std::string text;   // canonical text of `merged`
  MergeReport report;
};

// Merges the variants. The result does not depend on their order.
// Errors: "no-input", "too-many-blocks".
Result<MergeResult> merge(const std::vector<AgentFile>& variants,
                          const MergeOptions& options);
// The same, over variants held elsewhere (not copied).
Result<MergeResult> merge(const std::vector<const AgentFile*>& variants,
                          const MergeOptions& options);

// The merged agent written as a Codex (TOML) or Kiro (JSON) agent
// (`merge --to codex|kiro`): `result.text` becomes that document, and every
// warning of the conversion (a grant the format widens, a key or tool it has
// no place for) is appended to the report's decisions as needing review; a
// widened grant is a danger. `result.merged` stays the Markdown agent.
// Returns the conversion's error ("unsafe-name"), if any.
std::optional<Error> write_merged_as(MergeResult& result, ExternalFormat target);

// A variant holding whole documents back to back (a second H1 repeating the
// first's title) split into its documents; a single document otherwise.
std::vector<AgentFile> split_documents(const AgentFile& file);

// JSON of the report (schema: docs/report-schema.md).
std::string report_to_json(const MergeReport& report);
// Short human summary: counts and the decisions that need review.
std::string report_summary(const MergeReport& report);

}  // namespace agentmerge
