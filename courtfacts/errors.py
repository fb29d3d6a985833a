"""Coded errors: every failure courtfacts reports carries a stable code.

Codes group by stage: E1xx reading, E2xx extracting, E3xx assembling cases,
E4xx writing, E5xx batch control; W codes are warnings kept on a record.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    "E100": "file not found or not readable",
    "E101": "unreadable PDF",
    "E102": "PDF has no text layer (scanned?)",
    "E103": "encrypted PDF",
    "E104": "unreadable DOCX",
    "E105": "unreadable HTML",
    "E106": "unreadable XML",
    "E107": "text could not be decoded",
    "E108": "unsupported or unrecognised format",
    "E109": "empty file",
    "E110": "document has no text",
    "E111": "document over a size bound",
    "E112": "document nested too deeply",
    "E200": "extraction failed",
    "E300": "case record failed validation",
    "E301": "case assembly failed (mentions kept, no cases)",
    "E400": "writing failed",
    "E500": "document timed out",
    "E501": "worker process died",
    "E502": "document over the memory limit",
    "W201": "pattern file empty",
    "W202": "recovered from malformed markup",
    "W203": "characters replaced while decoding",
    "W204": "PDF read by the fallback engine",
    "W205": "deep nesting flattened",
    "W310": "case term over one offence's statutory maximum (flagged, kept)",
    "W311": "case offending period reversed (its end dropped)",
}


class CourtfactsError(Exception):
    """A failure with a stable code from ``CODES`` and a message a person understands."""

    def __init__(self, code: str, message: str) -> None:
        if code not in CODES:
            raise KeyError(f"unknown error code {code}")
        self.code = code
        self.message = message
        super().__init__(f"{code} {CODES[code]}: {message}")


class ReadError(CourtfactsError):
    """A document could not be turned into text."""


class ConfigError(CourtfactsError, ValueError):
    """Misuse: bad configuration, a missing or malformed pattern file."""
