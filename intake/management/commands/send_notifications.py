import os
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
        failure = []

        def send_until_stopped():
            try:
                notifications.run_sender(stop, interval=interval)
            except BaseException as error:  # handed to the main thread, which exits with it
                failure.append(error)
            finally:
                os.kill(os.getpid(), signal.SIGTERM)  # wakes the main thread if the loop ended by itself

        # `docker stop` (SIGTERM) and Ctrl-C (SIGINT) are taken by the main thread with sigwait, never by a
        # handler: a handler runs in the main thread, which may hold the Event's own lock inside
        # stop.wait(); setting the Event there waits on that lock for ever (a sender that never stopped).
        stop_signals = {signal.SIGTERM, signal.SIGINT}
        signal.pthread_sigmask(
            signal.SIG_BLOCK, stop_signals
        )  # before the thread starts: it inherits the mask
        sender = threading.Thread(target=send_until_stopped, name="notification-sender")
        self.stdout.write(f"sending notifications every {interval:g} s until stopped")
        sender.start()
        signal.sigwait(stop_signals)
        stop.set()  # the loop stops between sends
        sender.join()
        if failure:
            raise failure[0]
        self.stdout.write("stopped")
