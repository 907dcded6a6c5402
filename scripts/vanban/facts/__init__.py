"""Figures read once per paragraph as facts (counts, fractions, shares and how they are tied, rating breakdowns): what the checks compare and the key figures pick from."""
