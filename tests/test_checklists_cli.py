"""`liveops checklist`: the same services and messages from the command line."""

from __future__ import annotations

import json

from desktop_app.cli import main as cli_main
from desktop_app.domain.enums import RunStatus
from desktop_app.storage import checklists as repo


def run_of(ctx, session_id, key):
    return next(r for r in repo.list_runs(ctx.ws, session_id) if r.item_key == key)


def test_list_tick_skip_and_values_from_the_cli(ctx, planned, capsys):
    ws = str(ctx.ws.path)
    assert cli_main(["checklist", "tick", ws, "--session", planned.id, "pre.h2.stream_test", "bitrate=6000",
                     "resolution_fps=1080p60", "--lang", "en"]) == 0
    assert "Ticked pre.h2.stream_test #1" in capsys.readouterr().out
    assert run_of(ctx, planned.id, "pre.h2.stream_test").values == {"bitrate": 6000, "resolution_fps": "1080p60"}
    code = cli_main(["checklist", "tick", ws, "--session", planned.id, "pre.h2.network", "upload_bandwidth=fast",
                     "--lang", "en"])
    assert code == 1 and "“Upload bandwidth” must be a number: fast" in capsys.readouterr().err
    assert run_of(ctx, planned.id, "pre.h2.network").status == RunStatus.OPEN
    assert cli_main(["checklist", "skip", ws, "--session", planned.id, "pre.d1.preheat", "--reason", "不做"]) == 0
    capsys.readouterr()
    assert cli_main(["checklist", "runs", ws, "--session", planned.id, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    by_key = {r["item_key"]: r for r in rows}
    assert by_key["pre.d1.preheat"]["status"] == "skipped" and by_key["pre.d1.preheat"]["skip_reason"] == "不做"
    assert by_key["pre.h2.stream_test"]["values"]["bitrate"] == 6000
    assert cli_main(["checklist", "runs", ws, "--session", planned.id, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Bitrate: 6000 kbps" in out and "pre.d1.preheat#1" in out


def test_attach_and_adhoc_from_the_cli(ctx, planned, tmp_path, capsys):
    ws = str(ctx.ws.path)
    sheet = tmp_path / "prices.xlsx"
    sheet.write_bytes(b"PK\x03\x04 fake")
    assert cli_main(["checklist", "tick", ws, "--session", planned.id, "pre.d1.price_sanity",
                     "--attach", f"price_sheet={sheet}"]) == 0
    att = run_of(ctx, planned.id, "pre.d1.price_sanity").values["price_sheet"]
    assert ctx.ws.query_one("SELECT name FROM attachments WHERE id = ?", (att,))["name"] == "prices.xlsx"
    assert cli_main(["checklist", "add", ws, "--session", planned.id, "--phase", "pre", "--text", "确认新背景板",
                     "--due", "2026-11-26 18:00", "--required", "--lang", "en"]) == 0
    assert "Added ad-hoc item adhoc.pre.1" in capsys.readouterr().out
    assert run_of(ctx, planned.id, "adhoc.pre.1").due_at.hour == 10  # 18:00 Shanghai


def test_template_export_import_and_check_from_the_cli(ctx, tmp_path, capsys):
    ws = str(ctx.ws.path)
    out = tmp_path / "daily.json"
    assert cli_main(["checklist", "export", ws, "日常场", str(out), "--lang", "en"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    data["items"][4]["phase"] = "during"
    data["items"][9]["key"] = data["items"][8]["key"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert cli_main(["checklist", "import", ws, str(bad), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "2 problem(s)" in err and "Item 5 (" in err and "Unknown phase “during”" in err
    assert "Item 10 (" in err and "Duplicate key" in err
    assert cli_main(["checklist", "import", ws, str(out), "--check", "--lang", "en"]) == 0
    assert cli_main(["checklist", "import", ws, str(out), "--lang", "en"]) == 0
    assert "v2 (66 items)" in capsys.readouterr().out
    assert cli_main(["checklist", "templates", ws, "--json"]) == 0
    names = {t["name"]: t["version"] for t in json.loads(capsys.readouterr().out)}
    assert names == {"日常场": 2, "大促场": 1, "新品首发": 1}


def test_compliance_from_the_cli(ctx, planned, capsys):
    ws = str(ctx.ws.path)
    cli_main(["checklist", "tick", ws, "--session", planned.id, "pre.h2.props"])
    capsys.readouterr()
    assert cli_main(["checklist", "compliance", ws, "--from", "2026-11-26", "--to", "2026-11-26", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["sessions"] == 1 and report["counts"]["on_time"] + report["counts"]["late"] == 1
    assert cli_main(["checklist", "compliance", ws, "--from", "2026-11-26", "--to", "2026-11-26", "--lang", "en"]) == 0
    assert "李运营" in capsys.readouterr().out
    assert cli_main(["checklist", "compliance", ws, "--from", "2026-11-27", "--to", "2026-11-26"]) == 1


def test_per_product_values_from_the_cli_by_sku_or_name(ctx, clock, planned, capsys):
    from desktop_app.storage.ingest import find_or_add_product

    with ctx.ws.write():
        mask, _ = find_or_add_product(ctx.ws, planned.id, None, name="玻尿酸面膜", sku="MASK-01", now=clock.now())
        sun, _ = find_or_add_product(ctx.ws, planned.id, None, name="防晒霜", sku=None, now=clock.now())
    ws = str(ctx.ws.path)
    assert cli_main(["checklist", "tick", ws, "--session", planned.id, "pre.d1.stock_plan",
                     "stock_remaining@NOPE=5", "--lang", "en"]) == 1
    assert "no single product with SKU, name or id “NOPE”" in capsys.readouterr().err
    assert run_of(ctx, planned.id, "pre.d1.stock_plan").status == RunStatus.OPEN
    assert cli_main(["checklist", "tick", ws, "--session", planned.id, "pre.d1.stock_plan",
                     "stock_remaining@MASK-01=120", "stock_remaining@防晒霜=40"]) == 0
    assert run_of(ctx, planned.id, "pre.d1.stock_plan").values == {"stock_remaining": {mask: 120, sun: 40}}


def test_template_versions_from_the_cli(ctx, clock, planned, capsys):
    from dataclasses import replace

    from desktop_app.services import checklist_templates as templates

    daily = templates.resolve(ctx, "日常场")
    items = list(templates.get_template(ctx, daily.id).items)
    items[3] = replace(items[3], retired=True)
    clock.advance(hours=1)
    templates.save_new_version(ctx, daily.id, items)
    assert cli_main(["checklist", "versions", str(ctx.ws.path), "日常场", "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("v2  2026-11-26T03:00") and "李运营" in out[0] and "used by 0 sessions" in out[0]
    assert out[1].strip() == f"retired: {items[3].key}"
    assert out[2].startswith("v1") and "built-in" in out[2] and "used by 1 sessions" in out[2]
    assert cli_main(["checklist", "versions", str(ctx.ws.path), "日常场", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["diff"]["retired"] == [items[3].key] and rows[1]["sessions"][0]["title"] == "测试场"
