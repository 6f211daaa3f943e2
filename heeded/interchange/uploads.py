"""Uploaded files kept between checking and confirming, under a random token.

The file is saved outside the web root in a temporary folder, named by a random token kept
in the user's session. Confirming claims the file by renaming it, which only one request
can do, so a double-clicked "Confirm import" imports once.
"""

from __future__ import annotations

import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .reading import file_format

FOLDER = Path(tempfile.gettempdir()) / "heeded-imports"


@dataclass(frozen=True)
class PendingFile:
    token: str
    extension: str

    @property
    def path(self) -> Path:
        return FOLDER / f"{self.token}.{self.extension}"

    def claim(self) -> Path | None:
        """Move the file aside for one confirming request; None if it is already gone."""
        claimed = FOLDER / f"{self.token}.claimed.{self.extension}"
        try:
            self.path.rename(claimed)
        except FileNotFoundError:
            return None
        return claimed

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


def keep(upload) -> PendingFile:
    """Save an uploaded file under a new token."""
    FOLDER.mkdir(mode=0o700, parents=True, exist_ok=True)
    pending = PendingFile(secrets.token_urlsafe(24), file_format(upload.name))
    with open(pending.path, "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return pending


def valid_token(token: str) -> bool:
    return bool(token) and all(c.isalnum() or c in "-_" for c in token)
