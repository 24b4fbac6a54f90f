"""主动公开: proactive disclosure items with their review chain, and the part 二 registers."""
