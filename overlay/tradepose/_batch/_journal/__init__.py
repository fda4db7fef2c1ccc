"""The crash-safe batch journal (see `_journal.Journal`), split by concern."""

from ..._errors import JournalError
from ._files import default_workdir, publish_file, safe_component, write_atomic
from ._journal import JOURNAL_FILE, Journal
from ._model import BatchParams, PeriodRow, ResultFile, ResultProblem
from ._secrets import redact
from ._states import FAILED_STATES, ErrorStage, PeriodState

__all__ = [
    "FAILED_STATES",
    "JOURNAL_FILE",
    "BatchParams",
    "ErrorStage",
    "Journal",
    "JournalError",
    "PeriodRow",
    "PeriodState",
    "ResultFile",
    "ResultProblem",
    "default_workdir",
    "publish_file",
    "redact",
    "safe_component",
    "write_atomic",
]
