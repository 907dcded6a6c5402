"""Words the command line shares, in Vietnamese (the office staff who run vanban read it)."""

from __future__ import annotations

# A document's kind, as messages name it.
KIND_WORDS = {"report": "báo cáo", "directive": "văn bản"}
# Where in a Word file a mark was found (vanban.model.Mark.where), as messages name it.
WHERE_WORDS = {"Word page header": "đầu trang của Word", "text box": "hộp văn bản"}


def seconds(value: float) -> str:
    """A duration as Vietnamese writes it: 1.71 -> "1,7 giây"."""
    return f"{value:.1f} giây".replace(".", ",")
