import datetime as dt

import factory

from heeded.cases import actions
from heeded.cases.models import Case, Person
from heeded.taxonomy.models import RecordType


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Faker("name", locale="en_GB")
    email = factory.Faker("email")
    postcode = factory.Faker("postcode", locale="en_GB")


def record(
    by,
    record_type: str = "complaint",
    received_on: dt.date = dt.date(2022, 9, 12),
    **details,
) -> Case:
    """A case recorded the way the application records one (through the action)."""
    return actions.record_representation(
        by=by,
        record_type=RecordType.objects.get(code=record_type),
        received_on=received_on,
        **details,
    )
