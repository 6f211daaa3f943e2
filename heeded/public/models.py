"""What the public forms keep of their own: one row per form sent, so a form is sent once.

The token is issued with the "Check your answers" page. A second POST of the same token
(a double click, or Back and Send again) finds this row and goes to the same confirmation;
two POSTs at the same instant are serialised by the unique constraint, and the loser reads
the winner's case (see ``submission.submit``).
"""

import uuid

from django.db import models

from heeded.cases.models import Case


class Submission(models.Model):
    token = models.UUIDField(default=uuid.uuid4)
    journey = models.CharField(max_length=20)
    case = models.OneToOneField(
        Case, on_delete=models.PROTECT, related_name="public_submission", null=True
    )
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["token"], name="one_submission_per_token"),
        ]

    def __str__(self) -> str:
        return f"{self.journey} {self.token}"
