"""A report whose header does not say who issued it or when: the site cannot place it (lists show
"chưa rõ" and put it last, no committee page holds it). Say so, and how to give both."""

from __future__ import annotations

from pathlib import PurePath

from vanban.check.models import Finding
from vanban.model import Report


def check_header(report: Report) -> list[Finding]:
    """One warning for a report lacking its date, or both its committee and any issuer line."""
    if report.kind != "report":
        return []
    missing = []
    if not report.committee and not report.meta.issuer:
        missing.append("cơ quan ban hành")
    if not report.date:
        missing.append("ngày")
    if not missing:
        return []
    sidecar = PurePath(report.source).with_suffix(".yml").name
    give = "; ".join(line for line, wanted in (("committee: Thành ủy …", "cơ quan ban hành" in missing),
                                               ("date: YYYY-MM-DD (hoặc YYYY-MM, YYYY)", "ngày" in missing)) if wanted)
    return [Finding("header-missing", "warning", report.slug, "van-ban", "",
                    f"Phần đầu báo cáo không ghi {' và '.join(missing)}: danh sách báo cáo ghi “chưa rõ” và xếp "
                    f"báo cáo này cuối, trang cấp ủy chưa có nó. Ghi vào tệp {sidecar} đặt cạnh tệp báo cáo: {give}",
                    expected=" và ".join(missing))]
