from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _seed(sender, **kwargs):
    # The data migration seeds a new database; this puts the default codes back after a
    # flush too (flush empties every table and then sends post_migrate), which is what
    # transactional tests do between tests. Idempotent: existing rows are left alone.
    from .seeding import seed_default_taxonomy

    seed_default_taxonomy()


class TaxonomyConfig(AppConfig):
    name = "heeded.taxonomy"
    verbose_name = "Reference data"

    def ready(self):
        post_migrate.connect(_seed, sender=self, dispatch_uid="heeded.taxonomy.seed")
