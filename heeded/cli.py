"""The ``heeded`` console command: Django's management commands under the product's name.

``heeded calendar add 2022-09-12 10``, ``heeded demo``, ``heeded report ...`` are the
management commands of the Heeded apps; ``heeded migrate`` and the rest of Django's work too.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heeded.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["heeded", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
