"""deploy/nginx-fedbot.conf, run for real when nginx and openssl are installed (skipped otherwise).

The example's host, certificate, ports and upstream are swapped for a self-signed certificate,
free ports on 127.0.0.1 and a small HTTP server standing in for the bot's webhook.
"""

from __future__ import annotations

import http.client
import http.server
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[1] / "deploy" / "nginx-fedbot.conf"
SECRET = "test-secret_0123456789"

pytestmark = pytest.mark.skipif(
    shutil.which("nginx") is None or shutil.which("openssl") is None, reason="nginx or openssl is not installed"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Upstream(http.server.BaseHTTPRequestHandler):
    received: list[tuple[str, str | None, bytes]] = []

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        Upstream.received.append((self.path, self.headers.get("X-Telegram-Bot-Api-Secret-Token"), body))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def site_config(directory: Path, https_port: int, http_port: int, upstream_port: int) -> str:
    text = EXAMPLE.read_text(encoding="utf-8")
    replacements = {
        "/etc/letsencrypt/live/bot.example.se/fullchain.pem": str(directory / "cert.pem"),
        "/etc/letsencrypt/live/bot.example.se/privkey.pem": str(directory / "key.pem"),
        "REPLACE_WITH_WEBHOOK_SECRET": SECRET,
        "server 127.0.0.1:8443;": f"server 127.0.0.1:{upstream_port};",
        "listen 443 ssl": f"listen 127.0.0.1:{https_port} ssl",
        "listen 80;": f"listen 127.0.0.1:{http_port};",
    }
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    return "\n".join(line for line in text.splitlines() if "listen [::]" not in line)


@pytest.fixture
def proxy(tmp_path: Path) -> Iterator[int]:
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=bot.example.se",
            "-keyout",
            str(tmp_path / "key.pem"),
            "-out",
            str(tmp_path / "cert.pem"),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    upstream = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Upstream)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    https_port, http_port = free_port(), free_port()
    (tmp_path / "site.conf").write_text(site_config(tmp_path, https_port, http_port, upstream.server_port))
    temp = tmp_path / "temp"
    temp.mkdir()
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\nhttp {{\n"
        f"  access_log off;\n"
        + "".join(
            f"  {kind}_temp_path {temp}/{kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        + f"  include {tmp_path}/site.conf;\n}}\n"
    )
    command = ["nginx", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")]
    check = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)
    assert check.returncode == 0, check.stderr
    server = subprocess.Popen([*command, "-g", "daemon off; master_process off;"], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", https_port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                assert time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.05)
        Upstream.received = []
        yield https_port
    finally:
        server.terminate()
        server.wait(timeout=10)
        upstream.shutdown()


def post(port: int, path: str, secret: str | None, method: str = "POST") -> int:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # a throw-away self-signed certificate
    connection = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=10)
    headers = {"Content-Type": "application/json", "Host": "bot.example.se"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    connection.request(method, path, body=b'{"update_id": 1}', headers=headers)
    status = connection.getresponse().status
    connection.close()
    return status


def test_updates_with_the_secret_reach_the_bot_and_nothing_else_does(proxy: int) -> None:
    assert post(proxy, "/telegram", None) == 403
    assert post(proxy, "/telegram", "wrong") == 403
    assert post(proxy, "/telegram", SECRET, method="GET") == 403
    assert post(proxy, "/elsewhere", SECRET) == 404
    assert Upstream.received == []

    assert post(proxy, "/telegram", SECRET) == 200
    # The bot sees the same path and the header, so python-telegram-bot can check the secret too.
    assert Upstream.received == [("/telegram", SECRET, b'{"update_id": 1}')]
