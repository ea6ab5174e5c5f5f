import signal
import threading

from django.core.management.base import BaseCommand

from intake.services import notifications


class Command(BaseCommand):
    help = (
        "Send notification emails that have not gone out yet, and remind about urgent requests "
        "nobody picked up. With --loop, keep doing so until stopped: the sender that runs beside the "
        "app servers in production."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop",
            action="store_true",
            help="Keep running: send new notifications every --interval seconds; stop on SIGTERM or SIGINT.",
        )
        parser.add_argument(
            "--interval", type=float, default=5.0, help="Seconds between looks for new notifications."
        )

    def handle(self, *args, loop=False, interval=5.0, **options):
        if not loop:
            reminders = notifications.remind_urgent()
            sent, unsent = notifications.send_pending()
            self.stdout.write(f"urgent reminders queued: {reminders}; sent: {sent}; still unsent: {unsent}")
            return
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):  # `docker stop`, Ctrl-C: stop between sends
            signal.signal(signum, lambda *_: stop.set())
        self.stdout.write(f"sending notifications every {interval:g} s until stopped")
        notifications.run_sender(stop, interval=interval)
        self.stdout.write("stopped")
