"""The staff groups, with the least rights each role needs (PRODUCT.md, "Staff desk").

Reviewers: view intakes, change their status, add notes and call attempts; no delete, no export,
no assignment, no user admin. Managers: also assign, export and delete.
"""

from django.db import migrations

REVIEWER_PERMISSIONS = [
    ("intake", "view_intake"),
    ("intake", "change_intake"),
    ("intake", "view_note"),
    ("intake", "add_note"),
    ("intake", "view_callattempt"),
    ("intake", "add_callattempt"),
    ("intake", "view_otherpartyalias"),
    ("intake", "add_otherpartyalias"),
    ("intake", "view_conflictrecord"),
]
MANAGER_PERMISSIONS = REVIEWER_PERMISSIONS + [
    ("intake", "assign_intake"),
    ("intake", "export_intake"),
    ("intake", "delete_intake"),
    ("intake", "view_intakeaccess"),
    ("intake", "view_weeklycount"),
    ("intake", "delete_otherpartyalias"),
]
GROUPS = {"Reviewers": REVIEWER_PERMISSIONS, "Managers": MANAGER_PERMISSIONS}


def create_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; this migration needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = [
            Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in codenames
        ]
        group.permissions.set(permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
