// Internal: the review page's inline stylesheet and script
// (src/review_assets.cpp), kept apart from the HTML generator.
#pragma once

namespace agentmerge::detail {

// The page's CSS; per-source rules are generated next to it.
extern const char* const kReviewCss;

// The page's script. Contract with the generator: it reads the DOM built by
// review_html (ids "merged", "inspector", "sources"; output blocks
// "[data-block-id]" with "data-sources"; source blocks "[data-sb]" with
// "data-output", "data-fate", "data-line" and, when they apply, "data-sim"
// and "data-policy", inside "[data-source]" panels; legend chips
// "[data-filter]") and the JSON in "#am-data"; it never inserts markup from
// data (textContent only). When done it sets document.body.dataset.ready to
// "1" and data-indexed to the number of source blocks it indexed.
extern const char* const kReviewJs;

}  // namespace agentmerge::detail
