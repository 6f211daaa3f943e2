"""Uploaded files kept between checking and confirming, under a random token.

The file is saved outside the web root in a temporary folder, named by a random token kept
in the user's session with the file's SHA-256 digest. Confirming claims the file by renaming
it, which only one request can do, so a double-clicked "Confirm import" imports once; the
digest makes sure what is imported is the very file that was checked and summarised.
"""

from __future__ import annotations

import hashlib
import secrets
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .reading import file_format

FOLDER = Path(tempfile.gettempdir()) / "heeded-imports"
# A file checked but never confirmed (the session expired, the manager went elsewhere) holds
# personal data: it is removed once older than this, when the next file is uploaded.
KEPT_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class PendingFile:
    token: str
    extension: str

    @property
    def path(self) -> Path:
        return FOLDER / f"{self.token}.{self.extension}"

    @property
    def _claimed(self) -> Path:
        return FOLDER / f"{self.token}.claimed.{self.extension}"

    @property
    def _done(self) -> Path:
        return FOLDER / f"{self.token}.done"

    def claim(self) -> Path | None:
        """Move the file aside for one confirming request; None if it is already gone."""
        try:
            self.path.rename(self._claimed)
        except FileNotFoundError:
            return None
        return self._claimed

    def finished(self, *, imported: bool) -> None:
        """The claimed file is no longer needed. Once imported, a later click is told it
        was confirmed; otherwise (problems found, an error) that nothing was imported."""
        self._claimed.unlink(missing_ok=True)
        if imported:
            self._done.touch()

    def why_gone(self) -> str:
        """Why the file could not be claimed, in the words shown to the manager."""
        if self._done.exists():
            return "This import has already been confirmed."
        if self._claimed.exists():
            return "This import is already under way. Look for the imported cases in a minute."
        return (
            "The file you checked is no longer waiting to be imported, so nothing was "
            "imported. Upload it again."
        )

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


def keep(upload) -> tuple[PendingFile, str]:
    """Save an uploaded file under a new token; the pending file and its SHA-256 digest."""
    FOLDER.mkdir(mode=0o700, parents=True, exist_ok=True)
    _remove_old()
    pending = PendingFile(secrets.token_urlsafe(24), file_format(upload.name))
    digest = hashlib.sha256()
    with open(pending.path, "wb") as out:
        for chunk in upload.chunks():
            digest.update(chunk)
            out.write(chunk)
    return pending, digest.hexdigest()


def digest_of(path: Path) -> str:
    with open(path, "rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def _remove_old() -> None:
    oldest = time.time() - KEPT_SECONDS
    for path in FOLDER.iterdir():
        try:
            if path.stat().st_mtime < oldest:
                path.unlink()
        except FileNotFoundError:  # removed meanwhile by another request
            pass


def valid_token(token: str) -> bool:
    return bool(token) and all(c.isalnum() or c in "-_" for c in token)
