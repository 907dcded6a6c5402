"""The one error type vanban raises for bad input: it carries the file and line it is about."""

from __future__ import annotations

from pathlib import Path


class VanbanError(Exception):
    """A user-facing error, printed as one line `FILE:LINE: error: MESSAGE`."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        return format_location(self.path, self.line, "error", self.message)

    def __reduce__(self):
        """Keep the file and line when the error crosses from a worker process."""
        return (VanbanError, (self.message, self.path, self.line))


def format_location(path: str | None, line: int | None, severity: str, message: str) -> str:
    """Format a diagnostic the way compilers do, so editors can jump to it."""
    where = ""
    if path:
        where = f"{path}:{line}: " if line else f"{path}: "
    return f"{where}{severity}: {message}"


class VanbanErrors(VanbanError):
    """Several user-facing errors found together (one per bad document), printed one per line."""

    def __init__(self, errors: list[VanbanError]):
        super().__init__(errors[0].message, errors[0].path, errors[0].line)
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)

    def __reduce__(self):
        return (VanbanErrors, (self.errors,))
