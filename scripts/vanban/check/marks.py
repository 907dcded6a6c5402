"""List the classification and circulation marks a report carries: a public site refuses it."""

from __future__ import annotations

from vanban.check.models import Finding
from vanban.model import Report

WHERE = {"text": "", "Word page header": " (đầu trang của tệp Word)", "text box": " (hộp văn bản của tệp Word)",
         "sidecar": " (tệp .yml đi kèm)"}
MEANING = {"secret": "văn bản mật: trang công khai không được đăng",
           "internal": "văn bản lưu hành nội bộ: trang công khai chỉ đăng khi cấu hình cho phép"}


def check_marks(report: Report) -> list[Finding]:
    """One finding per mark: secret ones are warnings (a public build refuses them), internal notes."""
    return [Finding("mark", "warning" if m.kind == "secret" else "info", report.slug, "van-ban", m.text,
                    f"Dấu “{m.label}”{WHERE.get(m.where, '')}: {MEANING[m.kind]}", stated=m.text,
                    line=m.line if m.where == "text" else None)
            for m in report.marks]
