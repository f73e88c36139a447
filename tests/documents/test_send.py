"""Area SEND reports: kind, framework, type, outcome, dates, next inspection, link."""

from __future__ import annotations

import pytest

from ofstedcli.documents import extract
from ofstedcli.documents.link import choose_inspection
from ofstedcli.model import Inspection
from tests.documents import factory


def _json(text: str) -> dict:  # type: ignore[type-arg]
    x = extract(text)
    for fact in x.facts:
        assert text[fact.start : fact.end] == fact.text
    return x.to_json()


@pytest.mark.parametrize(
    ("level", "words", "interval"),
    [
        (1, "typically lead to positive experiences", "5 years"),
        (2, "lead to inconsistent experiences", "3 years"),
        (3, "widespread and/or systemic failings", "18 months"),
    ],
)
def test_full_inspection_outcome_and_next_inspection(level: int, words: str, interval: str) -> None:
    out = _json(factory.send_report("Northam", "11 to 15 March 2024", level))
    assert out["kind"] == "area_send_report"
    assert out["authority"]["name"] == "Northam"
    insp = out["inspection"]
    assert (insp["framework"], insp["type"]) == ("SEND", "full inspection")
    assert insp["outcome_level"] == level
    assert words in insp["outcome"] and insp["outcome"].endswith(".")
    assert insp["next_interval"] == interval
    assert (insp["start_date"], insp["end_date"]) == ("2024-03-11", "2024-03-15")
    assert insp["lead_inspector"] == "Robin Hood"
    assert insp["overall"] is None and insp["judgements"] == {}
    assert out["mentions"] == [{"date": "2017-03-06", "type": "inspection", "overall": None}]


def test_a_report_that_does_not_print_its_publication_date_has_none() -> None:
    out = _json(factory.send_report("Northam", "27 November 2023 to 1 December 2023", 2))
    insp = out["inspection"]
    assert insp["published"] is None
    assert (insp["start_date"], insp["end_date"]) == ("2023-11-27", "2023-12-01")


def test_monitoring_inspection() -> None:
    text = factory.send_report("Northam", "3 to 5 June 2025", 2).replace(
        "Area SEND inspection of", "Area SEND monitoring inspection of"
    )
    insp = _json(text)["inspection"]
    assert (insp["framework"], insp["type"]) == ("SEND", "monitoring inspection")


def test_2016_letter_with_a_written_statement_of_action() -> None:
    text = (
        "Dear Ms Doe\n\nJoint local area SEND inspection in Northam\n\n"
        "Between 6 March 2017 and 10 March 2017, Ofsted and the CQC inspected the local "
        "area. As a result of the findings of this inspection, a Written Statement of Action "
        "is required because of significant areas of weakness.\n"
    )
    out = _json(text)
    assert out["kind"] == "area_send_report"
    insp = out["inspection"]
    assert (insp["type"], insp["written_statement"]) == ("inspection", True)


def test_a_2016_letter_is_dated_above_its_salutation() -> None:
    text = (
        "Ofsted\nAgora\n6 Cumberland Place\nNottingham\nNG1 6HJ\n\n25 April 2017\n\n"
        "Ms Jane Doe\nDirector of Children's Services\nNortham City Council\n\n"
        "Dear Ms Doe\n\nJoint local area SEND inspection in Northam\n\n"
        "Between 6 March 2017 and 10 March 2017, Ofsted and the CQC inspected the local "
        "area.\n"
    )
    out = _json(text)
    assert (out["kind"], out["date"]) == ("area_send_report", "2017-04-25")
    assert out["inspection"]["start_date"] == "2017-03-06"


def test_a_letters_title_above_its_salutation_names_only_the_place() -> None:
    """A letter with the title above "Dear ...", on lines of their own (no blank line)."""
    text = (
        "Joint local area SEND inspection in Northam\nDear Ms Doe\n"
        "Between 6 March 2017 and 10 March 2017, Ofsted and the CQC inspected the local "
        "area.\n"
    )
    assert _json(text)["authority"]["name"] == "Northam"


def _held(id: str, framework: str, type: str, start: str) -> Inspection:
    return Inspection(id, "E0", framework, type, start_date=start)


def test_linked_to_the_send_inspection_not_the_childrens_services_one() -> None:
    x = extract(factory.send_report("Northam", "11 to 15 March 2024", 1))
    pool = [
        _held("ilacs", "ILACS", "standard inspection", "2024-03-04"),
        _held("send-old", "SEND", "inspection", "2017-03-06"),
        _held("send", "SEND", "full inspection", "2024-03-11"),
    ]
    found = choose_inspection(x, pool)
    assert found is not None and found.id == "send"


def test_a_childrens_services_document_never_links_to_a_send_inspection() -> None:
    x = extract(factory.PRESS_RELEASE)
    pool = [_held("send", "SEND", "full inspection", "2023-04-03")]
    assert choose_inspection(x, pool) is None
