"""The due core: windows from the framework rules, the COVID-19 pause, --as-at and overdue."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ofstedcli import due
from ofstedcli.errors import UsageError
from ofstedcli.model import Authority, Inspection

G, RI, INAD, OUT = "Good", "Requires improvement to be good", "Inadequate", "Outstanding"
AUTH = Authority("E06000099", "Testshire", dfe_code="999")


def insp(
    type_: str,
    start: str | None,
    published: str | None,
    overall: str | None = None,
    framework: str = "ILACS",
    **judgements: str,
) -> Inspection:
    """One inspection of the test authority."""
    found = Inspection(
        id=f"{framework}-{type_}-{start or published}",
        authority=AUTH.ons_code,
        framework=framework,
        type=type_,
        start_date=start,
        published=published,
        overall=overall,
        judgements=judgements,
    )
    return found


def nxt(history: list[Inspection], as_at: str, event: str = "ILACS inspection") -> Any:
    """The one event of a kind due for the test authority, or None."""
    found = [e for e in due.due_for(AUTH, history, as_at)["next"] if e["event"] == event]
    assert len(found) <= 1
    return found[0] if found else None


@pytest.mark.parametrize("rule_id", sorted(due.RULES))
def test_each_rule_names_its_source(rule_id: str) -> None:
    rule = due.RULES[rule_id]
    source = rule["source"]
    # The list a reviewer reads: rule, its wording, and where that wording comes from.
    print(f"{rule_id}: {rule['text']} [{source['title']}, {source['section']}, {source['url']}]")
    assert rule["event"] in due.EVENTS
    assert source["url"].startswith("https://www.gov.uk/")
    assert source["title"] and source["section"]
    assert source["checked_in"] and all(u.startswith("https://") for u in source["checked_in"])
    assert len(rule["text"]) > 40


@pytest.mark.parametrize("announcement", due.ANNOUNCED, ids=lambda a: f"{a[0]}-{a[1][0]}")
def test_each_pause_announcement_names_its_source(announcement: Any) -> None:
    announced, events, resumed, what, source = announcement
    print(f"{announced} {events}: resumes {resumed or 'no date'}: {what} [{source['url']}]")
    assert set(events) <= set(due.EVENTS)
    assert announced >= due.PAUSE_FROM and (resumed is None or resumed > due.PAUSE_FROM)
    assert source["title"] and source["section"] and source["url"].startswith("https://")
    assert source["checked_in"] and all(u.startswith("http") for u in source["checked_in"])


def test_announcements_are_in_order_so_the_latest_by_a_date_is_the_one_used() -> None:
    dates = [a[0] for a in due.ANNOUNCED]
    assert dates == sorted(dates)


def test_every_rule_a_history_can_reach_is_in_the_table() -> None:
    histories = [
        [insp("standard inspection", "2022-01-10", "2022-03-01", G)],
        [insp("standard inspection", "2022-01-10", "2022-03-01", RI)],
        [insp("standard inspection", "2022-01-10", "2022-03-01", INAD)],
        [insp("inspection", None, "2016-05-01", RI, framework="SIF")],
        [insp("standard inspection", "2026-05-11", "2026-07-01", None, leadership=G)],
    ]
    used = {e["rule"] for h in histories for e in due.due_for(AUTH, h, "2026-09-30")["next"]}
    assert used <= set(due.RULES)
    assert {"ilacs-short", "ilacs-standard", "ilacs-reinspection", "ilacs-from-sif"} <= used


def test_good_means_a_short_inspection_within_six_months_of_the_third_anniversary() -> None:
    event = nxt([insp("standard inspection", "2022-01-10", "2022-03-04", G)], "2023-06-30")
    assert event["type"] == "short inspection"
    assert event["rule"] == "ilacs-short"
    assert (event["earliest"], event["likely"], event["latest"]) == (
        "2024-09-04",
        "2025-03-04",
        "2025-09-04",
    )
    assert not event["overdue"] and event["pause"] is None
    assert (event["usual_from"], event["usual_to"]) == (event["earliest"], event["latest"])
    assert event["months_since_last"] == 17  # from the inspection's start


def test_requires_improvement_means_a_standard_inspection() -> None:
    event = nxt([insp("short inspection", "2022-01-10", "2022-03-04", RI)], "2023-06-30")
    assert (event["type"], event["rule"]) == ("standard inspection", "ilacs-standard")


def test_inadequate_means_monitoring_visits_then_a_standard_reinspection() -> None:
    found = [insp("standard inspection", "2022-01-10", "2022-03-04", INAD)]
    event = nxt(found, "2022-04-30")
    assert (event["type"], event["rule"]) == ("standard inspection", "ilacs-reinspection")
    assert event["likely"] == "2024-09-04"  # about two and a half years after the report
    first = nxt(found, "2022-04-30", "monitoring visit")
    assert first["rule"] == "monitoring-first"
    assert "2022-05-13" <= first["earliest"] <= first["latest"] <= "2022-06-10"
    assert nxt(found, "2022-04-30", "focused visit") is None  # monitoring instead
    found.append(insp("monitoring visit", "2022-06-07", "2022-07-15"))
    later = nxt(found, "2022-07-31", "monitoring visit")
    assert later["rule"] == "monitoring-next"
    assert (later["earliest"], later["likely"], later["latest"]) == (
        "2022-08-07",
        "2022-09-07",
        "2022-10-07",
    )


def test_monitoring_visits_keep_their_quarterly_cadence_when_none_is_known() -> None:
    found = [insp("standard inspection", "2022-01-10", "2022-03-04", INAD)]
    later = nxt(found, "2023-01-31", "monitoring visit")
    assert later["rule"] == "monitoring-next" and not later["overdue"]
    assert later["earliest"] <= "2023-03-31" and later["latest"] >= "2023-01-31"


@pytest.mark.parametrize(
    ("grades", "kind", "rule"),
    [
        (
            {"leadership": G, "help_and_protection": OUT, "in_care": G, "care_leavers": G},
            "short",
            "",
        ),
        (
            {"leadership": RI, "help_and_protection": G, "in_care": G, "care_leavers": G},
            "standard",
            "",
        ),
        ({"leadership": G, "help_and_protection": INAD, "in_care": G}, "standard", "re"),
    ],
)
def test_from_april_2026_leadership_and_practice_judgements_decide(
    grades: dict[str, str], kind: str, rule: str
) -> None:
    found = [insp("standard inspection", "2026-05-11", "2026-07-07", None, **grades)]
    event = nxt(found, "2026-09-30")
    assert event["type"] == f"{kind} inspection"
    assert event["rule"] == "ilacs-2026"
    inadequate = rule == "re"
    assert (nxt(found, "2026-09-30", "monitoring visit") is not None) is inadequate


def test_the_covid_pause_stops_the_clock_once_announced() -> None:
    found = [insp("short inspection", "2018-10-01", "2018-11-20", G)]
    before = nxt(found, "2019-12-31")  # no pause had been announced yet
    assert before["likely"] == "2021-11-20" and before["pause"] is None
    event = nxt(found, "2021-06-30")
    paused = dt.date(2021, 6, 1) - dt.date(2020, 3, 17)  # graded: not before June 2021
    assert event["likely"] == (dt.date(2021, 11, 20) + paused).isoformat()
    assert event["pause"]["from"] == "2020-03-17"
    assert event["pause"]["announced"] == "2021-04-27"
    assert event["pause"]["source"]["url"].startswith("https://")
    after = nxt([insp("short inspection", "2021-10-01", "2021-11-20", G)], "2022-12-31")
    assert after["likely"] == "2024-11-20" and after["pause"] is None


@pytest.mark.parametrize(
    ("as_at", "resumed"),
    [
        ("2020-03-31", "2020-03-31"),  # suspended, no date given: still running that day
        ("2020-06-30", "2020-06-30"),
        ("2020-09-30", "2021-01-01"),  # full inspections not before January 2021
        ("2020-12-31", "2021-04-12"),  # no graded inspections before the summer term
        ("2021-03-31", "2021-04-12"),
        ("2021-06-30", "2021-06-01"),  # the phased return: after focused visits from June
    ],
)
def test_a_forecast_counts_the_pause_as_announced_by_its_date(as_at: str, resumed: str) -> None:
    found = [insp("short inspection", "2018-10-01", "2018-11-20", G)]
    event = nxt(found, as_at)
    assert event["pause"]["resumed"] == resumed
    paused = dt.date.fromisoformat(resumed) - dt.date(2020, 3, 17)
    assert event["likely"] == (dt.date(2021, 11, 20) + paused).isoformat()


def test_visits_resumed_in_september_2020_as_announced() -> None:
    found = [insp("standard inspection", "2019-06-03", "2019-08-01", INAD)]
    visit = nxt(found, "2020-09-30", "monitoring visit")
    assert visit["pause"]["resumed"] == "2020-09-01"


def test_a_window_opening_before_the_pause_keeps_its_opening_and_closes_later() -> None:
    found = [insp("standard inspection", "2017-12-04", "2018-02-01", INAD)]
    event = nxt(found, "2021-06-30")
    assert event["rule"] == "ilacs-reinspection"
    paused = dt.date(2021, 6, 1) - dt.date(2020, 3, 17)
    # Two and a half years on (2020-08-01), six months either side: it opened before the
    # pause began, so it still opens then; its likely date and close are put back.
    assert event["earliest"] == "2020-02-01"
    assert event["likely"] == (dt.date(2020, 8, 1) + paused).isoformat()
    assert event["latest"] == due.add_months(dt.date(2020, 8, 1) + paused, 6).isoformat()
    assert event["pause"] is not None
    # The usual window is the usual six months either side, on the stopped clock.
    usual = (dt.date.fromisoformat(event["usual_from"]), dt.date.fromisoformat(event["usual_to"]))
    assert usual[1].isoformat() == event["latest"]
    assert (
        due.months_between(*usual)
        == 12
        < due.months_between(dt.date.fromisoformat(event["earliest"]), usual[1])
    )


def test_as_at_uses_only_reports_published_by_then() -> None:
    found = [
        insp("standard inspection", "2019-01-07", "2019-03-01", RI),
        insp("short inspection", "2022-01-10", "2022-03-04", G),
    ]
    before = nxt(found, "2022-02-28")  # the 2022 inspection had started but was unpublished
    assert before["basis"] == "ILACS-standard inspection-2019-01-07"
    assert before["type"] == "standard inspection"
    after = nxt(found, "2022-03-04")
    assert after["type"] == "short inspection"


def test_a_passed_window_is_overdue() -> None:
    event = nxt([insp("standard inspection", "2019-01-07", "2019-03-01", RI)], "2024-06-30")
    assert event["overdue"] is True
    assert event["latest"] < "2024-06-30"
    assert event["overdue_months"] == due.months_between(
        dt.date.fromisoformat(event["latest"]), dt.date(2024, 6, 30)
    )
    assert not nxt([insp("standard inspection", "2023-01-07", "2023-03-01", RI)], "2024-06-30")[
        "overdue"
    ]


def test_a_sif_grade_sets_the_first_ilacs_inspection_within_the_first_cycle() -> None:
    event = nxt([insp("inspection", None, "2014-06-01", G, framework="SIF")], "2018-03-31")
    assert (event["type"], event["rule"]) == ("short inspection", "ilacs-from-sif")
    assert event["earliest"] == due.ILACS_START
    # By the end of ILACS's first three years (no pause was known in 2018).
    assert event["latest"] == "2021-01-01"
    assert event["likely"] == due.ILACS_START  # its three-year timing had passed
    # Its usual timing had passed: the usual window is ILACS's first year.
    assert (event["usual_from"], event["usual_to"]) == (due.ILACS_START, "2019-01-01")
    # Known in 2021, the graded-inspection pause lengthens the first cycle.
    later = nxt([insp("inspection", None, "2014-06-01", G, framework="SIF")], "2021-06-30")
    paused = dt.date(2021, 6, 1) - dt.date(2020, 3, 17)
    assert later["latest"] == (dt.date(2021, 1, 1) + paused).isoformat()
    # A later SIF report opens the window six months before its three-year anniversary.
    late = nxt([insp("inspection", None, "2016-09-01", RI, framework="SIF")], "2018-03-31")
    assert (late["type"], late["earliest"], late["likely"], late["latest"]) == (
        "standard inspection",
        "2019-03-01",
        "2019-09-01",
        event["latest"],
    )
    assert (late["usual_from"], late["usual_to"]) == ("2019-03-01", "2020-03-01")


def test_focused_visit_falls_between_inspections_and_closes_when_the_next_is_due() -> None:
    found = [insp("standard inspection", "2022-01-10", "2022-03-04", G)]
    visit = nxt(found, "2022-06-30", "focused visit")
    inspection = nxt(found, "2022-06-30")
    assert visit["earliest"] == "2022-03-04"
    assert visit["latest"] == inspection["earliest"]
    assert visit["earliest"] < visit["likely"] < visit["latest"]
    assert nxt(found, "2025-01-31", "focused visit") is None


def test_send_without_a_2023_full_inspection_follows_the_five_year_cycle() -> None:
    found = [insp("inspection", "2018-03-05", "2018-05-01", framework="SEND")]
    event = nxt(found, "2024-06-30", "SEND inspection")
    assert (event["rule"], event["earliest"], event["latest"]) == (
        "send-cycle",
        "2023-01-01",
        "2027-12-31",
    )
    assert nxt(found, "2022-06-30", "SEND inspection") is None  # before the 2023 framework


@pytest.mark.parametrize(
    ("level", "stated", "interval", "rule", "latest"),
    [
        (1, "2028-11-20", "5 years", "send-outcome-1", "2028-12-15"),
        (2, "2026-11-20", "3 years", "send-outcome-2", "2026-12-15"),
        (2, None, "3 years", "send-outcome-2", "2026-12-15"),
        (2, None, None, "send-outcome-2", "2026-12-15"),  # the outcome's own interval
    ],
)
def test_send_full_inspection_by_the_interval_the_report_states_from_the_report(
    level: int, stated: str | None, interval: str | None, rule: str, latest: str
) -> None:
    # A date in the source table (its compiler's start + interval) is not what the report
    # says: the interval counts from the report, published 2023-12-15.
    full = insp("full inspection", "2023-11-20", "2023-12-15", framework="SEND")
    full.outcome_level, full.next_inspection, full.next_interval = level, stated, interval
    event = nxt([full], "2024-06-30", "SEND inspection")
    assert (event["rule"], event["type"], event["latest"]) == (rule, "full inspection", latest)
    assert (
        due.months_between(
            dt.date.fromisoformat(event["earliest"]), dt.date.fromisoformat(event["latest"])
        )
        == 12
    )


def test_send_outcome_3_means_a_monitoring_inspection_about_18_months_on() -> None:
    full = insp("full inspection", "2023-11-20", "2024-01-26", framework="SEND")
    full.outcome_level, full.next_inspection, full.next_interval = 3, "2025-05-20", "18 months"
    event = nxt([full], "2024-06-30", "SEND inspection")
    # "usually 18 months from the date when the local area partnership receives its final
    # full inspection report": from the report (2024-01-26), not the table's 2025-05-20.
    assert (event["rule"], event["type"], event["likely"]) == (
        "send-outcome-3",
        "monitoring inspection",
        "2025-07-26",
    )
    monitoring = insp("monitoring inspection", "2025-06-02", "2025-07-10", framework="SEND")
    after = nxt([full, monitoring], "2025-09-30", "SEND inspection")
    assert (after["rule"], after["type"], after["latest"]) == (
        "send-outcome-3-full",
        "full inspection",
        "2027-01-26",
    )


@pytest.mark.parametrize(("text", "months"), [("6m", 6), ("18 months", 18), ("1y", 12)])
def test_spans(text: str, months: int) -> None:
    assert due.parse_span(text) == months


@pytest.mark.parametrize("text", ["", "6", "six months", "-3m", "3w"])
def test_bad_spans_are_usage_errors(text: str) -> None:
    with pytest.raises(UsageError):
        due.parse_span(text)


def test_months_are_added_by_the_calendar() -> None:
    assert due.add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert due.add_months(dt.date(2024, 3, 15), -6) == dt.date(2023, 9, 15)
    assert due.months_between(dt.date(2024, 1, 31), dt.date(2024, 3, 1)) == 1
