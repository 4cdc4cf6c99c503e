// Merges two variants given inline and prints the merged agent, then the
// library's version: what a program built against the installed package
// can do with the public headers alone.
#include <iostream>

#include <agentmerge/merge.hpp>
#include <agentmerge/parse.hpp>
#include <agentmerge/version.hpp>

int main() {
  const char* a = "---\nname: greeter\ndescription: Greets people\ntools: Read\n---\n"
                  "# Greeter\n\n- Say hello.\n";
  const char* b = "---\nname: greeter\ndescription: Greets people politely\ntools: Read, Grep\n---\n"
                  "# Greeter\n\n- Say hello.\n- Say goodbye.\n";
  std::vector<agentmerge::AgentFile> variants;
  for (const auto& [text, path] : {std::pair{a, "a/greeter.md"}, std::pair{b, "b/greeter.md"}}) {
    auto parsed = agentmerge::parse_agent(text, path);
    if (!parsed) {
      std::cerr << parsed.error().to_string() << "\n";
      return 1;
    }
    variants.push_back(std::move(*parsed));
  }
  auto merged = agentmerge::merge(variants, agentmerge::MergeOptions{});
  if (!merged) {
    std::cerr << merged.error().to_string() << "\n";
    return 1;
  }
  std::cout << merged->text << "version " << agentmerge::version() << "\n";
  return 0;
}
