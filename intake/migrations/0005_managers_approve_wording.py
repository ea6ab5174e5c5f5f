"""Managers may approve the guidance wording in the rule book (intake.WordingApproval); Reviewers may not.

Reversible: going back takes the permission from the Managers group again.
"""

from django.db import migrations

GROUP = "Managers"
PERMISSION = ("intake", "approve_wording")


def _permission(apps):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; this migration needs this one now.
    app_config = apps.get_app_config("intake")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    app, codename = PERMISSION
    return apps.get_model("auth", "Permission").objects.get(content_type__app_label=app, codename=codename)


def grant(apps, schema_editor):
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=GROUP)
    group.permissions.add(_permission(apps))


def revoke(apps, schema_editor):
    app, codename = PERMISSION
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(content_type__app_label=app, codename=codename).first()
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if permission and group:
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [("intake", "0004_wording_approval")]

    operations = [migrations.RunPython(grant, revoke)]
