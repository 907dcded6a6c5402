"""Several sites searched together (issue 18, item 4): one site per committee, built apart; a
site's search box also searches the sites its mkdocs.yml lists (`vanban-search: other_sites`),
and a site that does not answer leaves its own search working."""

from __future__ import annotations

from conftest import make_project, run_vanban

OTHER = ("HUYỆN ỦY CAM LỘ\nSố 3-BC/HU\nCam Lộ, ngày 10 tháng 12 năm 2023\nBÁO CÁO\nkết quả công tác năm 2023\n"
         "-----\nI. KẾT QUẢ\nXã Cam Tuyền xây dựng mô hình dân vận khéo về trồng rừng gỗ lớn.\n")


def _with_others(root, urls):
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    listed = "".join(f"\n        - {u}" for u in urls)
    config.write_text(text.replace("      shard_mb: 60", f"      shard_mb: 60\n      other_sites:{listed}"), encoding="utf-8")


def test_a_site_searches_the_sites_it_lists(tmp_path, browser):
    from browser import search, serve

    (tmp_path / "other").mkdir()
    other = make_project(tmp_path / "other", {"cam-lo.txt": OTHER})
    assert run_vanban("--root", str(other), "build").returncode == 0
    with serve(other / "site", cors=True) as other_url:
        (tmp_path / "main").mkdir()
        main = make_project(tmp_path / "main", {"a.txt": "BÁO CÁO\nthử\n-----\nI. MỘT\nĐoạn văn về kết nạp đảng viên.\n"})
        _with_others(main, [other_url, "http://127.0.0.1:9/"])  # the second answers nothing
        result = run_vanban("--root", str(main), "build")
        assert result.returncode == 0, result.stderr
        with serve(main / "site") as main_url:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            try:
                page.goto(main_url)  # the helper returns paths; the other site's results keep their host
                found = search(page, main_url, "dân vận khéo")
                hosts = page.eval_on_selector_all(".md-search-result__item > .md-search-result__link", "els => els.map(e => e.href)")
                assert any(h.startswith(other_url + "bao-cao/cam-lo/") for h in hosts), hosts
                own = search(page, main_url, "kết nạp đảng viên")
                assert any(r["href"] == "bao-cao/a/" for r in own), own
            finally:
                page.close()
    assert found
