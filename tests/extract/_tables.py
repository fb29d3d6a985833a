"""Helpers shared by the table-driven mention tests (imported, not collected)."""

from __future__ import annotations

import pytest


def grouped(**groups: list) -> list:
    """Prefix each case id with its group (``dev-``, ``held_out-``...), keeping its marks."""
    return [
        pytest.param(*case.values, id=f"{name}-{case.id}", marks=case.marks)
        for name, table in groups.items()
        for case in table
    ]
