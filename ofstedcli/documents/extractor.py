"""The extractor's entry point: classify a text, then run its family's extractor."""

from __future__ import annotations

from ofstedcli.documents import (
    address,
    committee,
    common,
    engagement,
    ministerial,
    parties,
    press,
    reports,
    send,
    visits,
)
from ofstedcli.documents.classify import classify
from ofstedcli.documents.extraction import NAME, Builder, Extraction, OutsideFact
from ofstedcli.documents.text import View


def classify_text(text: str) -> str:
    """The kind of a document (one of :data:`~ofstedcli.documents.kinds.KINDS`)."""
    return classify(View(text))[0]


def _kind_by_address(kind: str, cued: bool, site: address.Site | None) -> str | None:
    """The kind a page's address gives where its text leaves it open: the council's own
    site's news is its release (or, on its committee system, its committee paper); a
    council's words on another's site (a party's, a paper's) are that site's page."""
    if site is None:
        return None
    if site.council and kind == "other" and not cued:
        return "committee_report" if site.committee else "press_release"
    if site.third_party and kind == "press_release":
        return "other"
    return None


def extract(text: str, url: str | None = None, site_name: str | None = None) -> Extraction:
    """Every fact the text states, with its evidence, and the document's kind; with the web
    address ``url`` the page came from, also what that says (:mod:`.address`), and with the
    name a saved page gives its site (``og:site_name``), who published it."""
    view = View(text)
    kind, cue = classify(view)
    b = Builder(view)
    site = address.site(url, text) if url else None
    told = _kind_by_address(kind, cue is not None, site)
    if told is not None and url:
        kind = told
        b.add_outside("kind", kind, url)
    elif cue is not None:
        b.add("kind", kind, *cue)
    if kind == "inspection_report":
        reports.extract(b)
    elif kind == "area_send_report":
        send.extract(b)
    elif kind in ("focused_visit_letter", "monitoring_visit_letter"):
        visits.extract(b, kind)
    elif kind == "ministerial_letter":
        ministerial.extract(b)
    elif kind == "engagement_meeting_letter":
        engagement.extract(b)
    elif kind == "press_release":
        press.extract(b)
    elif kind == "committee_report":
        committee.extract(b)
    else:
        parties.sender(b)
        parties.notice_recipient(b)
        common.document_date(b)
        common.authority(b, common.candidates(b))
        ministerial.about_inspection(b, b.get("date"))
    if site_name and not b.has("sender.organisation"):
        b.add_outside("sender.organisation", site_name, f'og:site_name "{site_name}"')
    if site is not None and site.name and not b.has("sender.organisation"):
        b.add_outside("sender.organisation", site.name, url or "")
    x = b.result(kind)
    if site is not None and site.stem and url:
        x = x.named_first(OutsideFact(NAME, site.stem, 0, 0, url))
    return x
