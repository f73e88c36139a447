"""Judgement tables, graded sentences and mentions of other judgements."""

from __future__ import annotations

from ofstedcli import model
from ofstedcli.documents import judgements
from ofstedcli.documents.text import View


def _rows(raw: str) -> list[tuple[str, str]]:
    return [(r.area, r.grade) for r in judgements.table(View(raw).text, single_overall=True)]


def test_ilacs_table_with_wrapped_labels_and_grades() -> None:
    raw = (
        "Lead inspector: A Person\nJudgement Grade\nThe impact of leaders on social work \n"
        "practice with children and families\nRequires improvement\nto be good\n"
        "The experiences and progress of children who need help and \nprotection Good\n"
        "The experiences and progress of children in care and care \nleavers Outstanding\n"
        "Overall effectiveness Good\nChildren are safer than they were. Services are good."
    )
    assert _rows(raw) == [
        ("leadership", model.REQUIRES_IMPROVEMENT),
        ("help_and_protection", model.GOOD),
        ("in_care", model.OUTSTANDING),
        ("overall", model.GOOD),
    ]


def test_sif_numbered_table() -> None:
    raw = (
        "The judgements on areas of the service that contribute to overall effectiveness are:\n"
        "1. Children who need help and protection Requires \nImprovement\n"
        "2. Children looked after and achieving \npermanence\nGood\n"
        "2.1 Adoption performance Good\n2.2 Experiences and progress of care leavers\n"
        "Inadequate\n3. Leadership, management and governance Requires improvement2\n"
        "Executive summary"
    )
    assert _rows(raw) == [
        ("help_and_protection", model.REQUIRES_IMPROVEMENT),
        ("in_care", model.GOOD),
        ("adoption", model.GOOD),
        ("care_leavers", model.INADEQUATE),
        ("leadership", model.REQUIRES_IMPROVEMENT),
    ]


def test_prose_is_not_a_table() -> None:
    text = View("I am pleased to see the overall judgement of 'good'. Leadership is strong.").text
    assert judgements.table(text) == []


def test_row_spans_cover_label_and_grade() -> None:
    text = View(
        "Judgement Grade\nLeadership, management and governance Good\n"
        "Adoption performance Inadequate"
    ).text
    first = judgements.table(text)[0]
    assert text[first.label[0] : first.value[1]] == "Leadership, management and governance Good"


def test_stated_grades_outside_skipped_spans() -> None:
    text = View(
        "Ofsted judged the overall effectiveness of these services to be 'Good'. "
        "You were judged 'outstanding' for your leadership, management and governance."
    ).text
    found = {(s.area, s.grade) for s in judgements.stated(text, [])}
    assert found == {("overall", model.GOOD), ("leadership", model.OUTSTANDING)}
    assert judgements.stated(text, [(0, len(text))]) == []


def test_mentions_oldest_first_partial_dates_and_one_per_judgement() -> None:
    text = View(
        "Services improved from 'Inadequate' to 'Good'. The last full inspection was "
        "undertaken in September/October 2019, when services were graded as 'requiring "
        "improvement to be good'. Since the previous inspection in 2019, when the judgement for "
        "overall effectiveness was 'requires improvement to be good', much has changed. An "
        "inspection in January 2015 found them to be inadequate. Your last focused visit early "
        "in 2021 was helpful."
    ).text
    found = [m.value() for m in judgements.mentions(text)]
    assert found == [
        {"date": "2015-01", "type": "inspection", "overall": model.INADEQUATE},
        {"date": "2019", "type": "full inspection", "overall": model.REQUIRES_IMPROVEMENT},
        {"date": "2021", "type": "focused visit", "overall": None},
        {"date": None, "type": None, "overall": model.INADEQUATE},
    ]


def test_table_read_column_by_column() -> None:
    raw = (
        "Judgement Grade\nThe impact of leaders on social work practice with children and \n"
        "families\nThe experiences and progress of children who need help and protection\n"
        "The experiences and progress of children in care\nThe experiences and progress of "
        "care leavers\nOverall effectiveness\nGood\nInadequate\nRequires improvement to be "
        "good\nOutstanding\nGood\nChildren in Wessex are safer."
    )
    text = View(raw).text
    assert judgements.table(text) == []
    rows = judgements.column_table(text)
    assert [(r.area, r.grade) for r in rows] == [
        ("leadership", model.GOOD),
        ("help_and_protection", model.INADEQUATE),
        ("in_care", model.REQUIRES_IMPROVEMENT),
        ("care_leavers", model.OUTSTANDING),
        ("overall", model.GOOD),
    ]
    assert text[rows[1].label[0] : rows[1].label[1]].endswith("help and protection")


def test_column_table_needs_labels_and_grades_to_pair_up() -> None:
    raw = "Judgement Grade\nThe impact of leaders\nOverall effectiveness\nGood\n"
    assert judgements.column_table(View(raw + "Good Inadequate").text) == []
