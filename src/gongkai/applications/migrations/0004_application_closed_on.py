"""The stored closing date of an application (services.closing), filled from its events; and
the indexes of the applications register's order (newest received first)."""

from django.db import migrations, models

from gongkai.applications.services.closing import fill_closed_on


def fill(apps, schema_editor):  # type: ignore[no-untyped-def]
    application = apps.get_model("applications", "Application")
    event = apps.get_model("applications", "ApplicationEvent")
    fill_closed_on(application.objects.all(), event.objects.all())


class Migration(migrations.Migration):
    dependencies = [
        ("agencies", "0001_initial"),
        ("applications", "0003_accesslog_append_only"),
    ]

    operations = [
        migrations.AddField(
            model_name="application",
            name="closed_on",
            field=models.DateField(blank=True, editable=False, null=True, verbose_name="办结日期"),
        ),
        migrations.AddIndex(
            model_name="application",
            index=models.Index(
                fields=["agency", "closed_on"], name="application_agency__a8862e_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="application",
            index=models.Index(fields=["received", "id"], name="application_receive_f8e83c_idx"),
        ),
        migrations.AddIndex(
            model_name="application",
            index=models.Index(
                fields=["year", "received", "id"], name="application_year_5a71f5_idx"
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
