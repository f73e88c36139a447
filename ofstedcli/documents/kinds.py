"""The kinds of document, in their own module so that listing and searching documents does
not load the extractor."""

from __future__ import annotations

#: Document kinds, as the ``kind`` field and the ``--kind`` filter spell them.
KINDS = (
    "inspection_report",
    "focused_visit_letter",
    "monitoring_visit_letter",
    "ministerial_letter",
    "engagement_meeting_letter",
    "press_release",
    "committee_report",
    "area_send_report",
    "other",
)
