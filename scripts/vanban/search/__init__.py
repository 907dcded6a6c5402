"""Vietnamese-aware search on top of Material's: folded index fields and query expansion."""
