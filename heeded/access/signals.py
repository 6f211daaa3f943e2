from django.db.models.signals import post_migrate


def _create_roles(sender, **kwargs):
    # After every migrate, so groups and their permissions exist on a fresh database and
    # follow any change to roles.py. Permissions only exist after migrate has run.
    from .roles import ensure_role_groups

    ensure_role_groups()


def connect():
    post_migrate.connect(_create_roles, dispatch_uid="heeded.access.create_roles")
