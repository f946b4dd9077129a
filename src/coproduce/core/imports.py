"""What every spreadsheet import reports: each problem by the line it is on.

Imports check every row first and change nothing if any row is wrong, so staff fix the file
once; the pages list these problems by line.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ImportProblem:
    line: int
    message: str
