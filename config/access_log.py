"""gunicorn's logger with a lean access line: method, path, status, bytes sent and time taken.

gunicorn builds a dictionary of every request header, response header and environment variable
for each access line, whatever the format uses; on a small page that was a measurable share of the
request. This line needs none of them, and leaves out on purpose the client address, the query
string, the referrer and the user agent (see config/gunicorn.py).

What the client sent is escaped as nginx escapes its access log: the path (percent-decoded, from
the request gunicorn parsed: Django rewrites the environ's PATH_INFO as text) and the method, byte by
byte, a double quote, a backslash and every byte that is not printable ASCII written \\xHH. A request
can then neither end its line (a line feed, a carriage return, a C1 "next line") and write one of its
own, nor end the quoted request early, nor put a NUL or a terminal's escape sequence in the log.
Neither gunicorn nor Python's logging escapes anything.
"""

from urllib.parse import unquote_to_bytes

from gunicorn.glogging import Logger

# Printable ASCII stays as it is, but for the quote that delimits the request and the backslash that
# starts an escape (so that an escape in the log is always the server's).
_ESCAPES = {byte: f"\\x{byte:02X}" for byte in range(256) if not 0x20 <= byte < 0x7F or chr(byte) in '"\\'}


def escape(raw: bytes) -> str:
    """Bytes as printable ASCII, nginx's way."""
    return raw.decode("latin-1").translate(_ESCAPES)


class AccessLogger(Logger):
    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
        milliseconds = request_time.seconds * 1000 + request_time.microseconds // 1000
        sent = getattr(resp, "sent", None)
        self.access_log.info(
            '"%s %s" %s %s %sms',
            escape((req.method or "-").encode("latin-1")),
            escape(unquote_to_bytes(req.path or "")),
            status,
            "-" if sent is None else sent,
            milliseconds,
        )
