from django.db import models


class ClosureDay(models.Model):
    """A day the council's offices are closed (a privilege day, a training day).

    Used only for internal targets shown beside a deadline: it never moves a statutory
    clock (SI 2006/1738 reg 2; ICO LTT47; domain.md section 6.1).
    """

    date = models.DateField(unique=True)
    description = models.CharField(max_length=200)

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d %B %Y}: {self.description}"
