"""Contract of the shipped default checklist template (db/seeds/default_checklists.json).

The seed is the 日常场 template from default_checklists.md. Item keys are stable ids that
completion data is compared by across sessions, metric fields feed the session log, and target
fields set session targets, so these tests pin what the rest of the app relies on.
Counted against the document's tables: §4 totals (66 items / 44 required; pre 30/22,
live 19/12, post 17/10) agree with the tables.
"""

import json
import re
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parent.parent / "db" / "seeds" / "default_checklists.json"

# GLOSSARY.md §2 raw metrics (kinds C and G): the only keys that may be stored as samples.
# Value: True if the metric is money (integer minor units), False for counts.
GLOSSARY_RAW = {
    # 2.1 traffic
    "online_viewers": False, "uv": False, "pv": False, "exposure": False,
    "exposure_pv": False, "entries": False, "exits": False, "watch_seconds_total": False,
    "uv_paid": False, "uv_followers": False,
    # 2.2 engagement
    "new_followers": False, "fan_club_joins": False, "comments": False, "commenters": False,
    "likes": False, "shares": False, "interacting_users": False,
    # 2.3 commerce
    "product_exposure": False, "product_clicks": False, "product_clicks_pv": False,
    "orders": False, "items_sold": False, "buyers": False, "gmv": True,
    "repeat_buyers": False, "stock_remaining": False,
    # 2.4 after-sales
    "refunds_amount": True, "refund_orders": False, "quality_refund_orders": False,
    "quality_refunds_amount": True,
    # 2.5 paid traffic
    "ad_spend": True, "ad_impressions": False, "ad_attributed_gmv": True,
}

# GLOSSARY.md §3 derived metrics, including the named 口径 variants.
GLOSSARY_DERIVED = {
    "entry_rate", "entry_rate_pv", "avg_watch_seconds", "views_per_viewer",
    "interaction_rate", "comment_rate", "follow_rate", "fan_club_rate", "paid_uv_share",
    "follower_uv_share",
    "product_ctr", "product_ctr_uv", "click_to_order_rate", "view_to_order_rate",
    "gmv_per_buyer", "gmv_per_order", "uv_value", "gpm", "gpm_uv", "gmv_per_hour",
    "returning_buyer_share",
    "net_gmv", "refund_rate", "refund_rate_orders", "quality_refund_rate",
    "quality_refund_rate_amount",
    "ad_roi", "overall_roi", "cost_ratio", "cpm", "cost_per_paid_uv",
}

PHASES = ("pre", "live", "post")
OWNERS = {"specialist", "anchor", "live_controller", "customer_service", "lead"}
FIELD_TYPES = {"int", "number", "money", "text", "bool", "file", "enum"}
SERVES = {
    "trust.qc", "trust.expect", "trust.claims", "trust.card", "trust.qrr", "repeat",
    "steps.dist", "steps.kol", "steps.content", "steps.self", "steps.paid", "steps.snow",
    "gmv", "brand", "ops",
}
INCIDENT_SUBTYPES = {
    "stream_drop", "platform_warning", "price_stock_error", "oversell", "complaint_spike", "other",
}

# default_checklists.md §0 "Ticked by the app"; every other item is ticked by hand (null).
TICKED_BY = {
    "live.ev.item_switch": "event",
    "live.ev.incident": "event",
    "live.ev.price_error": "event",
    "live.ev.complaint_spike": "event",
    "live.r30.client_report": "interval_report",
    "post.e0.final_snapshot": "final_snapshot",
    "post.h24.settle": "settlement",
    "post.d7.resettle": "settlement",
    "post.h24.review_people": "review",
    "post.h24.review_goods": "review",
    "post.h24.review_place": "review",
    "post.h24.actions": "review",
    "post.h24.lead_signoff": "signoff",
    "post.h24.client_export": "client_export",
}

# Slot part of the key -> due offset in minutes (pre: from T, post: from E).
OFFSET_SLOTS = {
    "d1": -1440, "h4": -240, "h2": -120, "m30": -30,
    "e0": 0, "h24": 1440, "d7": 10080,
}
THIRTY_DAYS = 30 * 24 * 60

KEY_RE = re.compile(r"^(pre|live|post)\.([a-z0-9]+)\.([a-z][a-z0-9_]*)$")
FIELD_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def load():
    return json.loads(SEED.read_text(encoding="utf-8"))


TEMPLATE = load()
ITEMS = TEMPLATE["items"]
BY_KEY = {item["key"]: item for item in ITEMS}


def all_fields():
    for item in ITEMS:
        for field in item["fields"]:
            yield item, field


def test_file_identifies_itself_as_the_daily_template():
    assert TEMPLATE["format"] == "liveops-checklist-template"
    assert TEMPLATE["format_version"] == 1
    assert TEMPLATE["name"] == "日常场"
    assert TEMPLATE["name_en"] == "Daily session"
    assert TEMPLATE["version"] == 1


def test_file_is_readable_chinese_not_ascii_escaped():
    raw = SEED.read_text(encoding="utf-8")
    assert "日常场" in raw
    assert "\\u" not in raw


def test_item_and_required_counts_match_document_totals():
    assert len(ITEMS) == 66
    assert sum(item["required"] for item in ITEMS) == 44
    expected = {"pre": (30, 22), "live": (19, 12), "post": (17, 10)}
    for phase, (count, required) in expected.items():
        in_phase = [item for item in ITEMS if item["phase"] == phase]
        assert len(in_phase) == count, phase
        assert sum(item["required"] for item in in_phase) == required, phase


def test_items_are_grouped_in_phase_order():
    phases = [item["phase"] for item in ITEMS]
    assert phases == sorted(phases, key=PHASES.index)


def test_keys_are_unique_and_named_phase_slot_name():
    keys = [item["key"] for item in ITEMS]
    assert len(set(keys)) == len(keys)
    for item in ITEMS:
        match = KEY_RE.match(item["key"])
        assert match, item["key"]
        assert match.group(1) == item["phase"], item["key"]


def test_every_item_has_chinese_and_english_text():
    for item in ITEMS:
        assert item["text_zh"].strip(), item["key"]
        assert item["text_en"].strip(), item["key"]
        assert re.search(r"[\u4e00-\u9fff]", item["text_zh"]), item["key"]


def test_required_and_client_visible_are_booleans():
    for item in ITEMS:
        assert isinstance(item["required"], bool), item["key"]
        assert isinstance(item["client_visible"], bool), item["key"]


def test_live_items_recur_or_react_to_events():
    for item in ITEMS:
        if item["phase"] == "live":
            assert item["trigger"]["kind"] in ("recurrence", "event"), item["key"]
        else:
            assert item["trigger"]["kind"] == "offset", item["key"]


def test_pre_items_are_due_before_start_within_thirty_days():
    for item in ITEMS:
        if item["phase"] == "pre":
            minutes = item["trigger"]["minutes"]
            assert isinstance(minutes, int), item["key"]
            assert -THIRTY_DAYS <= minutes < 0, item["key"]


def test_post_items_are_due_after_off_air_within_thirty_days():
    for item in ITEMS:
        if item["phase"] == "post":
            minutes = item["trigger"]["minutes"]
            assert isinstance(minutes, int), item["key"]
            assert 0 <= minutes <= THIRTY_DAYS, item["key"]


def test_slot_in_key_agrees_with_trigger():
    for item in ITEMS:
        slot = item["key"].split(".")[1]
        trigger = item["trigger"]
        if item["phase"] in ("pre", "post"):
            assert trigger == {"kind": "offset", "minutes": OFFSET_SLOTS[slot]}, item["key"]
        elif slot == "ev":
            assert trigger["kind"] == "event", item["key"]
        else:
            every = int(slot.removeprefix("r"))
            assert trigger == {"kind": "recurrence", "every_minutes": every}, item["key"]


def test_event_items_fire_on_product_switch_or_incident_subtype():
    events = {k: i["trigger"] for k, i in BY_KEY.items() if i["trigger"]["kind"] == "event"}
    assert events == {
        "live.ev.item_switch": {"kind": "event", "event_kind": "product", "subtype": None},
        "live.ev.incident": {"kind": "event", "event_kind": "incident", "subtype": None},
        "live.ev.price_error": {
            "kind": "event", "event_kind": "incident", "subtype": "price_stock_error"},
        "live.ev.complaint_spike": {
            "kind": "event", "event_kind": "incident", "subtype": "complaint_spike"},
    }


def test_incident_type_choices_cover_design_subtypes():
    field = {f["id"]: f for f in BY_KEY["live.ev.incident"]["fields"]}["incident_type"]
    assert field["type"] == "enum"
    assert set(field["choices"]) == INCIDENT_SUBTYPES


def test_owner_is_a_known_role():
    for item in ITEMS:
        assert item["owner"] in OWNERS, item["key"]
    assert BY_KEY["pre.h4.rehearsal"]["owner"] == "anchor"
    assert BY_KEY["live.r30.cs_queue"]["owner"] == "customer_service"
    assert BY_KEY["post.h24.lead_signoff"]["owner"] == "lead"


def test_serves_codes_are_known():
    for item in ITEMS:
        assert item["serves"], item["key"]
        assert set(item["serves"]) <= SERVES, item["key"]


def test_ticked_by_the_app_exactly_as_documented():
    actual = {item["key"]: item["ticked_by"] for item in ITEMS if item["ticked_by"] is not None}
    assert actual == TICKED_BY


def test_only_client_facing_results_are_client_visible():
    client_serves = {"brand", "trust.card", "trust.qrr"}
    for item in ITEMS:
        expected = (
            item["phase"] == "post" and bool(client_serves & set(item["serves"]))
        ) or item["key"] == "live.r30.client_report"
        assert item["client_visible"] is expected, item["key"]


def test_settlement_items_record_no_fields():
    for key in ("post.h24.settle", "post.d7.resettle"):
        assert BY_KEY[key]["fields"] == [], key


def test_field_ids_are_short_ascii_snake_case_and_unique_per_item():
    for item in ITEMS:
        ids = [field["id"] for field in item["fields"]]
        assert len(set(ids)) == len(ids), item["key"]
        for field_id in ids:
            assert FIELD_ID_RE.match(field_id) and len(field_id) <= 32, (item["key"], field_id)


def test_fields_have_type_and_bilingual_labels():
    for item, field in all_fields():
        where = (item["key"], field["id"])
        assert field["type"] in FIELD_TYPES, where
        assert field["label_zh"].strip() and field["label_en"].strip(), where
        if field["type"] == "enum":
            assert field["choices"] and len(set(field["choices"])) == len(field["choices"]), where
        else:
            assert "choices" not in field, where
        if "min" in field and "max" in field:
            assert field["min"] <= field["max"], where
        if field["type"] == "int" and "metric" in field:
            assert field.get("min") == 0, where


def test_metric_fields_name_glossary_raw_metrics_with_matching_type():
    for item, field in all_fields():
        if "metric" not in field:
            continue
        where = (item["key"], field["id"])
        assert field["metric"] in GLOSSARY_RAW, where
        expected_type = "money" if GLOSSARY_RAW[field["metric"]] else "int"
        assert field["type"] == expected_type, where
        assert "target" not in field, where


def test_target_fields_name_glossary_keys_and_a_direction():
    targets = {}
    for item, field in all_fields():
        if "target" in field:
            where = (item["key"], field["id"])
            assert field["target"] in GLOSSARY_RAW.keys() | GLOSSARY_DERIVED, where
            assert field["direction"] in ("min", "max"), where
            targets[field["target"]] = field["direction"]
        else:
            assert "direction" not in field, (item["key"], field["id"])
    assert targets == {
        "gmv": "min", "uv": "min", "overall_roi": "min", "new_followers": "min",
        "ad_spend": "max", "ad_roi": "min",
    }


@pytest.mark.parametrize("key", ["live.r5.online_flow", "live.r10.conversion",
                                 "live.r15.snapshot", "live.r30.traffic_mix"])
def test_metric_only_recurring_items_can_complete_from_samples(key):
    fields = BY_KEY[key]["fields"]
    assert fields and all("metric" in field for field in fields)


def test_stock_is_recorded_per_product():
    for key in ("pre.d1.stock_plan", "live.r5.link_match"):
        (field,) = BY_KEY[key]["fields"]
        assert field["metric"] == "stock_remaining"
        assert field["per_product"] is True


def test_final_snapshot_records_main_counters_and_a_screenshot():
    fields = BY_KEY["post.e0.final_snapshot"]["fields"]
    metrics = {field["metric"] for field in fields if "metric" in field}
    assert {"online_viewers", "uv", "pv", "gmv", "orders", "buyers", "items_sold",
            "new_followers", "ad_spend"} <= metrics
    assert any(field["type"] == "file" for field in fields)


def test_go_no_go_records_decision_and_signature():
    fields = BY_KEY["pre.m30.go_nogo"]["fields"]
    assert [f["type"] for f in fields] == ["enum", "text"]
    assert fields[0]["choices"] == ["go", "no_go"]
