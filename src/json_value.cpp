#include "json_value.hpp"

namespace agentmerge::detail {

nlohmann::ordered_json value_json(const Value& v) {
  switch (v.kind) {
    case Value::Kind::Null: return nullptr;
    case Value::Kind::String: return v.scalar;
    case Value::Kind::Bool: return v.scalar == "true";
    case Value::Kind::Number: {
      nlohmann::ordered_json parsed = nlohmann::ordered_json::parse(v.scalar, nullptr, false);
      return parsed.is_number() ? parsed : nlohmann::ordered_json(v.scalar);
    }
    case Value::Kind::List: {
      nlohmann::ordered_json a = nlohmann::ordered_json::array();
      for (const Value& i : v.items) a.push_back(value_json(i));
      return a;
    }
    case Value::Kind::Map: {
      nlohmann::ordered_json o = nlohmann::ordered_json::object();
      for (std::size_t i = 0; i < v.map_keys.size() && i < v.items.size(); ++i)
        o[v.map_keys[i]] = value_json(v.items[i]);
      return o;
    }
  }
  return nullptr;
}

}  // namespace agentmerge::detail
