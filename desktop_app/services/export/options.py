"""What an export is asked to contain: variant, language, interval, sheets, client."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.domain.errors import ValidationError
from desktop_app.messages import LANGUAGES, normalize_language

SHEETS = ("summary", "timeline", "events", "checklist", "products", "review", "charts", "definitions")
VARIANTS = ("client", "internal")
# Offered timeline intervals; the finest usable one is the session's sample rate.
INTERVALS_S = (1, 5, 10, 15, 30, 60, 300, 600, 900, 1800, 3600)
DEFAULT_INTERVAL_S = 60


@dataclass(frozen=True)
class ExportOptions:
    variant: str = "client"
    lang: str = "zh_CN"
    interval_s: int = DEFAULT_INTERVAL_S
    sheets: frozenset[str] = field(default_factory=lambda: frozenset(SHEETS))
    client_id: str | None = None
    allow_draft: bool = False  # a client export of an unsigned review needs this (the user confirmed)
    allow_session_totals: bool = False  # a lead's choice for one export of a multi-client session

    @property
    def client(self) -> bool:
        return self.variant == "client"

    def checked(self) -> ExportOptions:
        if self.variant not in VARIANTS:
            raise ValidationError("error.export.variant", field="variant", value=self.variant)
        lang = normalize_language(self.lang)
        if lang not in LANGUAGES:
            raise ValidationError("error.export.lang", field="lang", value=self.lang)
        if not isinstance(self.interval_s, int) or self.interval_s < 1 or self.interval_s > 3600:
            raise ValidationError("error.export.interval", field="interval", value=self.interval_s)
        unknown = set(self.sheets) - set(SHEETS)
        if unknown or not self.sheets:
            raise ValidationError("error.export.sheets", field="sheets", value=",".join(sorted(unknown)))
        sheets = frozenset(self.sheets) | {"summary"}  # the Summary sheet carries the draft mark: always there
        if "charts" in sheets:
            sheets |= {"timeline"}  # the charts reference the timeline cells
        return ExportOptions(self.variant, lang, self.interval_s, sheets, self.client_id, self.allow_draft,
                             self.allow_session_totals)
