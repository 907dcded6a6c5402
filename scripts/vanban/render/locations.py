"""Say where a citation is: a label cadres read (`mục I.2.2, đoạn 3`, `Điều 3, khoản 2`) and a link
to the anchor, in a report or in a directive's text."""

from __future__ import annotations

from vanban.render.report_page import document_path
from vanban.render.where import location_label  # noqa: F401 (the label, where pages import it from)


def location_href(slug: str, anchor: str, from_dir: str) -> str:
    """Relative link from a page in `from_dir` to the anchor in a report's or directive's page."""
    depth = from_dir.count("/") + 1 if from_dir else 0
    return "../" * depth + f"{document_path(slug)}#{anchor}"
