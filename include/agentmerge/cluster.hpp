// Clustering: many parsed agent files in, groups of variants of the same
// agent out (used by `agentmerge scan` and `agentmerge migrate`).
//
//   [a/backend-architect.md, b/backend_architect.agent.md,
//    c/backend-api-architect.md, d/python-pro.md]
//     -> cluster "backend-architect": a (primary), b (same-name, 0.71),
//                                     c (similar-content, 0.58)
//        cluster "python-pro":        d (singleton)
//
// The work is split in two so that a caller can drop each AST as soon as it
// has read it: `fingerprint` (per file, independent, run it in parallel) and
// `cluster_fingerprints` (all files at once; about linear in their number:
// exact hashes and names are grouped through hash maps, content-similar
// pairs come from MinHash signatures and locality-sensitive hashing, never
// from comparing all pairs). See docs/scan.md for the rules and the trade-offs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "agentmerge/ast.hpp"
#include "agentmerge/config.hpp"
#include "agentmerge/result.hpp"

namespace agentmerge {

// Number of MinHash values per signature and the LSH banding over them.
inline constexpr std::size_t kMinHashSize = 128;
inline constexpr std::size_t kLshBands = 32;
inline constexpr std::size_t kLshRows = kMinHashSize / kLshBands;

// What one file contributes to clustering; small and independent of the AST.
struct AgentFingerprint {
  std::string source_name;      // AgentFile::source_name
  std::string name;             // AgentFile::name() as written
  std::string normalized_name;  // normalize_name(name), then name aliases
  Format format = Format::Unknown;
  bool has_frontmatter = false;
  std::uint64_t exact_hash = 0;  // xxh64 of the canonical text (emit)
  // Sorted, unique 32-bit hashes of the content words of the description
  // and the body: split on anything but letters and digits, ASCII case
  // folded, one-letter words and stop words dropped (docs/scan.md says why
  // single words rather than n-grams).
  std::vector<std::uint32_t> shingles;
  // MinHash over `shingles`: kMinHashSize values (empty when there are no
  // shingles at all: an empty agent only clusters by exact text or name).
  std::vector<std::uint32_t> signature;
};

// Computes the fingerprint of one parsed file. `name_aliases` maps a
// normalized alias to a canonical normalized name (Config::name_aliases).
AgentFingerprint fingerprint(const AgentFile& file,
                             const std::map<std::string, std::string>& name_aliases);

// Jaccard similarity of two sorted, unique shingle-hash sets (exact), in
// [0, 1]; 1 for two empty sets.
double shingle_jaccard(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);

// Fraction of equal MinHash values: an estimate of shingle_jaccard.
double estimated_jaccard(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);

// Similarity in [0, 1] of two normalized agent names, over their role words
// ('-'-separated words without generic ones like "pro", "expert",
// "specialist", nor numbers): 1 when the role words are the same in any
// order; 0 when each name has a word the other lacks (another role);
// otherwise the Dice coefficient of the words left after removing the
// leading words both names share (a shared prefix is usually a category).
//   name_similarity("python-pro", "python-expert")                   -> 1.0
//   name_similarity("backend-api-architect", "backend-architect")    -> 0.667
//   name_similarity("go-build-resolver", "kotlin-build-resolver")    -> 0.0
double name_similarity(std::string_view a, std::string_view b);

// Why a file belongs to its cluster: its strongest link to another member.
// The only member of a singleton is its Primary.
enum class LinkKind {
  Primary,         // the cluster's primary itself
  Exact,           // identical canonical text to another member
  SameName,        // same normalized name as another member, content agrees
  SimilarContent,  // another name, but similar content (and name signal)
};

// "primary", "exact", "same-name", "similar-content".
std::string_view to_string(LinkKind k);

struct ClusterMember {
  std::size_t file = 0;                 // index into the input vector
  double similarity_to_primary = 1.0;   // shingle_jaccard to the primary
  LinkKind link = LinkKind::Primary;
};

// How a cluster holds together: the weakest kind of link among its members.
enum class ClusterReason {
  Singleton,       // one file, no duplicate
  Exact,           // every member is an exact duplicate of the primary
  SameName,        // all members share the normalized name
  SimilarContent,  // at least one member joined under another name
};

// "singleton", "exact", "same-name", "similar-content".
std::string_view to_string(ClusterReason r);

struct Cluster {
  std::size_t id = 0;              // 1-based, in output order
  std::string canonical_name;      // proposed name (normalized)
  std::size_t primary = 0;         // file index of the primary
  // The primary first, then the others by decreasing similarity (ties by
  // source_name). Every input file is in exactly one cluster.
  std::vector<ClusterMember> members;
  ClusterReason reason = ClusterReason::Singleton;
  // Files that share this cluster's normalized name but whose content did not
  // agree, so they were kept apart (each is in its own cluster).
  std::vector<std::size_t> name_conflicts;

  bool is_singleton() const { return members.size() == 1; }
};

struct ClusterStats {
  std::size_t files = 0;
  std::size_t candidate_pairs = 0;   // pairs checked exactly (LSH + names)
  std::size_t linked_pairs = 0;      // pairs that passed the check
  std::size_t skipped_buckets = 0;   // LSH buckets over the size cap
  std::size_t split_components = 0;  // linked groups split by average linkage
};

struct ClusterResult {
  // Ordered by size (largest first), then canonical name, then primary
  // source_name: the order does not depend on the input order.
  std::vector<Cluster> clusters;
  Thresholds thresholds;             // the thresholds used
  ClusterStats stats;
  // Caps that were hit and same-name conflicts, for people (file:line when
  // there is one). Never fatal.
  std::vector<Diagnostic> diagnostics;
};

// Groups the fingerprinted files into clusters. A candidate pair links when
// its content-word Jaccard reaches a fraction of Thresholds::cluster that
// depends on how the names relate (docs/scan.md has the table):
//   same normalized name             0.25 x cluster
//   same role words (python-pro ~ python-expert)  0.25 x cluster
//   name_similarity >= cluster_name  0.4 x cluster
//   any other names                  1.6 x cluster (near copies only)
// Exact duplicates (same canonical text) always link.
ClusterResult cluster_fingerprints(const std::vector<AgentFingerprint>& files,
                                   const Thresholds& thresholds);

// Convenience: fingerprint every file, then cluster.
ClusterResult cluster_agents(const std::vector<AgentFile>& files, const Thresholds& thresholds,
                             const std::map<std::string, std::string>& name_aliases);

// JSON document of the result (schema: docs/scan.md); `files` gives the
// names, formats and paths of the members.
std::string clusters_to_json(const ClusterResult& result,
                             const std::vector<AgentFingerprint>& files);

// Human table: one block per cluster (members with format and similarity to
// the primary, proposed name), singletons last in one compact list.
std::string clusters_to_table(const ClusterResult& result,
                              const std::vector<AgentFingerprint>& files);

}  // namespace agentmerge
