"""A large body sent to gunicorn with the production settings is refused as soon as its headers are
read: 50 MB of multipart form (a file part, generated as it is sent), and a body of no stated length.

Before, 200 MB sent to a question was read whole, its file part spooled to disk, and the visitor
sent on to the next question."""

import itertools
import select
import socket
import time
from pathlib import Path

from tests.http import Session
from tests.journeys import journey, step_data
from tests.servers import AppServer, prepare, production_env

MB = 1024 * 1024
BOUNDARY = "----intake-test-boundary"
BLOCK = b"x" * (64 * 1024)


def multipart(fields: dict, file_size: int):
    """A multipart body with the fields and one file part of `file_size` bytes, made as it is sent.
    Returns (length, chunks)."""
    head = "".join(
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in fields.items()
    )
    head += (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="role-upload"; filename="a.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    )
    tail = f"\r\n--{BOUNDARY}--\r\n".encode()

    def chunks():
        yield head.encode()
        left = file_size
        while left:
            yield BLOCK[: min(left, len(BLOCK))]
            left -= min(left, len(BLOCK))
        yield tail

    return len(head.encode()) + file_size + len(tail), chunks()


def send(server, path, headers: dict, chunks):
    """Sends the request a chunk at a time and stops sending as soon as an answer arrives, as a
    browser does. Returns (status, bytes of body sent, seconds until the answer)."""
    lines = [f"POST {path} HTTP/1.1", f"Host: 127.0.0.1:{server.port}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        started = time.monotonic()
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        sent = 0
        sock.setblocking(False)
        for chunk in chunks:
            view = memoryview(chunk)
            while view:
                readable, writable, _ = select.select([sock], [sock], [], 30)
                if readable:
                    break
                try:
                    done = sock.send(view)
                except OSError:  # the server closed the connection after answering
                    break
                sent += done
                view = view[done:]
            if view:
                break
        sock.setblocking(True)
        answer = b""
        while b"\r\n" not in answer:
            data = sock.recv(4096)
            if not data:
                break
            answer += data
        seconds = time.monotonic() - started
    return int(answer.split(b" ", 2)[1]), sent, seconds


def written_by(pid: int) -> int:
    """Bytes a process has written to files (not sockets) so far, from /proc."""
    io = dict(line.split(": ") for line in Path(f"/proc/{pid}/io").read_text().splitlines())
    return int(io["wchar"])


def test_a_large_body_is_refused_from_its_headers_without_being_read_or_spooled(tmp_path):
    env = production_env(tmp_path)
    prepare(env)
    spool = tmp_path / "spool"
    spool.mkdir()
    env["TMPDIR"] = str(spool)  # where Django would spool an uploaded file
    with AppServer(env) as server:
        master = server.process.pid
        (worker,) = map(int, Path(f"/proc/{master}/task/{master}/children").read_text().split())
        visitor = Session(server.url)
        visitor.get("/questions/")
        visitor.get("/questions/role/")
        fields = {"csrfmiddlewaretoken": visitor.last_csrf, **step_data("role", journey())}
        multipart_type = f"multipart/form-data; boundary={BOUNDARY}"
        browser = {
            "X-Forwarded-Proto": "https",
            "Origin": f"https://127.0.0.1:{server.port}",
            "Cookie": "; ".join(f"{k}={v}" for k, v in visitor.cookies.items()),
        }
        written = written_by(worker)

        length, chunks = multipart(fields, 50 * MB)
        status, sent, seconds = send(
            server,
            "/questions/role/",
            {**browser, "Content-Type": multipart_type, "Content-Length": length},
            chunks,
        )
        print(f"50 MB multipart: {status} in {seconds:.2f} s, {sent / MB:.1f} MB sent before the answer")
        assert status == 413
        assert sent < 20 * MB  # what loopback's socket buffers took before the answer came
        assert seconds < 2

        _, chunks = multipart(fields, 50 * MB)
        chunked = itertools.chain((b"%x\r\n%s\r\n" % (len(chunk), chunk) for chunk in chunks), [b"0\r\n\r\n"])
        status, sent, seconds = send(
            server,
            "/questions/role/",
            {**browser, "Content-Type": multipart_type, "Transfer-Encoding": "chunked"},
            chunked,
        )
        print(f"50 MB chunked: {status} in {seconds:.2f} s, {sent / MB:.1f} MB sent before the answer")
        assert status == 411
        assert sent < 20 * MB
        assert seconds < 2

        length, chunks = multipart(fields, 100 * 1024)  # under the limit, with a file in it
        status, _, _ = send(
            server,
            "/questions/role/",
            {**browser, "Content-Type": multipart_type, "Content-Length": length},
            chunks,
        )
        assert status == 400

        assert written_by(worker) - written < MB  # the access log, a session: no file part
        assert list(spool.iterdir()) == []
        # Nothing was taken as an answer, and the same visitor answers the question as usual.
        assert visitor.get("/questions/").location == "/questions/role/"
        answered = visitor.post("/questions/role/", step_data("role", journey()))
        assert answered.status == 302 and answered.location == "/questions/order/"
