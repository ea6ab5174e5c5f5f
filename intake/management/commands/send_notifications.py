from django.core.management.base import BaseCommand

from intake.services import notifications


class Command(BaseCommand):
    help = (
        "Send notification emails that have not gone out yet, "
        "and remind about urgent requests nobody picked up."
    )

    def handle(self, *args, **options):
        reminders = notifications.remind_urgent()
        sent, unsent = notifications.send_pending()
        self.stdout.write(f"urgent reminders queued: {reminders}; sent: {sent}; still unsent: {unsent}")
