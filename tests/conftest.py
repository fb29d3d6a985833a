"""For the whole test session: a cache folder of its own (``courtfacts.cache``),
so that tests neither read what the user's runs kept nor write beside it;
commands the tests start inherit it."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

from courtfacts import cache, regex_cache

_OWN: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    if cache.ENVIRONMENT not in os.environ:
        _OWN.append(tempfile.mkdtemp(prefix="courtfacts-cache-"))
        os.environ[cache.ENVIRONMENT] = _OWN[0]


def pytest_unconfigure(config: pytest.Config) -> None:
    if _OWN:
        regex_cache.save()  # now, not at exit, when the folder is gone
        shutil.rmtree(_OWN.pop(), ignore_errors=True)
        del os.environ[cache.ENVIRONMENT]
