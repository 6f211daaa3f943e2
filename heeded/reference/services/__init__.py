"""Every change to reference data and staff: keyword-only functions taking ``by=`` (the
person making the change), atomic, logging each change in ``ChangeLog``. They raise Django's
``ValidationError`` naming the field at fault, so a form can show it beside that field."""
