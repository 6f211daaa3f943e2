from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _install_editions(sender, using="default", **kwargs):
    # After every migrate, and after a flush (which empties the edition's table too).
    from .editions import install

    install(using)


class ReferenceConfig(AppConfig):
    name = "heeded.reference"

    def ready(self):
        post_migrate.connect(
            _install_editions, sender=self, dispatch_uid="heeded.reference.editions"
        )
