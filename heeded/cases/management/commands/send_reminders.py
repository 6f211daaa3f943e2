"""``heeded send_reminders``: e-mail responding managers the responses they must send soon.

Run it every morning (cron or a systemd timer); on a day that is not a working day it sends
nothing. See ``heeded/cases/reminders.py`` for who is reminded of what, and when.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from heeded.calendars.management.arguments import iso_date
from heeded.calendars.working_days import is_working_day
from heeded.cases.actions import stopped_words
from heeded.cases.actions._base import staff_name
from heeded.cases.outgoing_mail import NOT_SENT, mail_is_not_sent
from heeded.cases.reminders import Schedule, send_reminders
from heeded.organisation.models import Organisation


class Command(BaseCommand):
    help = (
        "E-mail each responding manager the responses of theirs that fall due a reminder "
        "today, and record each reminder on its case. When responses are chased is an "
        f"organisation setting; unless changed: {Schedule().describe()}."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", type=iso_date, help="Act as if today were this day (YYYY-MM-DD)"
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say who would be reminded of what; send and record nothing",
        )

    def handle(self, *args, date=None, dry_run=False, **options):
        if mail_is_not_sent() and not dry_run:
            # Otherwise each case would say "Reminder sent" and nobody would have one.
            raise CommandError(f"{NOT_SENT}. Nobody was reminded and nothing was recorded.")
        if not settings.SITE_URL:
            self.stderr.write(
                "SITE_URL is not set, so the e-mails cannot link to the cases: set it to "
                "Heeded's address, e.g. https://complaints.example.gov.uk"
            )
        today = date or timezone.localdate()
        if not is_working_day(today):
            self.stdout.write(f"{today.isoformat()} is not a working day: nobody is reminded.")
            return
        sent = send_reminders(today, dry_run=dry_run)
        verb = "Would remind" if dry_run else "Reminded"
        if not sent.managers and not sent.no_address:
            self.stdout.write(f"No responses fall due a reminder on {today.isoformat()}.")
        else:
            self.stdout.write(
                f"{verb} {sent.managers} responding manager{'s' * (sent.managers != 1)} "
                f"of {sent.responses} response{'s' * (sent.responses != 1)} "
                f"on {today.isoformat()}."
            )
        if sent.stopped:
            self.stdout.write(self._stopped(sent.stopped, dry_run))
        if dry_run:
            schedule = Schedule.of(Organisation.current())
            self.stdout.write(
                f"Responses are chased {schedule.describe()} (Settings, Organisation settings)."
            )
        for manager, reminders in sent.no_address:
            references = ", ".join(r.case.reference for r in reminders)
            self.stderr.write(
                f"Not reminded: {staff_name(manager)} has no e-mail address in Heeded "
                f"(an administrator can add one under Staff). Chase them about: {references}"
            )
        for manager, reminders, why in sent.failed:
            references = ", ".join(r.case.reference for r in reminders)
            self.stderr.write(
                f"Not reminded: the e-mail to {staff_name(manager)} <{manager.email}> could "
                f"not be sent ({why}). Nothing was recorded on {references}."
            )
        if sent.failed:
            raise CommandError(
                f"{len(sent.failed)} e-mail{'s' * (len(sent.failed) != 1)} could not be sent: "
                "check EMAIL_URL and the mail server, then run this again today."
            )

    def _stopped(self, reminders, dry_run: bool) -> str:
        """What was not sent because the complaints team stopped the case's reminders. The
        reason is left on the case page: it may name the complainant, and this goes to logs."""
        count = len(reminders)
        cases = "; ".join(
            f"{r.case.reference} ({stopped_words(r.case).removeprefix('Reminders ')})"
            for r in reminders
        )
        return (
            f"{'Would skip' if dry_run else 'Skipped'} {count} response{'s' * (count != 1)} "
            f"whose reminders the complaints team stopped on the case (the case page says "
            f"why): {cases}."
        )
