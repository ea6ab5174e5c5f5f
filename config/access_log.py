"""gunicorn's logger with a lean access line: method, path, status, bytes sent and time taken.

gunicorn builds a dictionary of every request header, response header and environment variable
for each access line, whatever the format uses; on a small page that was a measurable share of the
request. This line needs none of them, and leaves out on purpose the client address, the query
string, the referrer and the user agent (see config/gunicorn.py).
"""

from gunicorn.glogging import Logger


class AccessLogger(Logger):
    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
        milliseconds = request_time.seconds * 1000 + request_time.microseconds // 1000
        sent = getattr(resp, "sent", None)
        self.access_log.info(
            '"%s %s" %s %s %sms',
            environ.get("REQUEST_METHOD"),
            environ.get("PATH_INFO"),
            status,
            "-" if sent is None else sent,
            milliseconds,
        )
