"""Where a command writes its file: told plainly, before any work, when it cannot."""

from pathlib import Path

from django.core.management.base import CommandError


def check_output(path: str) -> None:
    """Raise CommandError naming the problem if ``path`` cannot be written as a file.

    Checked before a long export or report is built, so that a typo in the folder costs
    seconds, not the whole run, and ends in a sentence rather than a traceback.
    """
    target = Path(path)
    if target.is_dir():
        raise CommandError(f"{path} is a folder: give the name of the file to write in it.")
    folder = target.parent
    if not folder.is_dir():
        raise CommandError(f"There is no folder {folder} to write {target.name} in.")
