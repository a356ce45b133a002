"""A small fake Telegram Bot API server on 127.0.0.1 for end-to-end tests and the benchmark.

The real python-telegram-bot `Application` talks to it through `base_url`. It answers the methods
the bot uses, records every call, and can misbehave on purpose: 429 with `retry_after`, 403 for
chosen chats, and (optionally) a flood limit of N messages per second answered with 429 beyond it.
"""

from __future__ import annotations

import asyncio
import email.parser
import email.policy
import itertools
import json
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

BOT_ID = 4242
BOT_USERNAME = "fedbot_test_bot"
SENDING = {"sendMessage", "sendDocument", "sendPhoto", "copyMessage", "forwardMessage"}
MAX_TEXT = 4096  # UTF-16 code units, as Telegram counts


@dataclass
class Call:
    method: str
    params: dict[str, str]
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # field -> (file name, content)
    at: float = 0.0
    status: int = 200

    def json(self, name: str) -> Any:
        return json.loads(self.params[name])

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return int(value) if value is not None else None

    @property
    def text(self) -> str:
        return self.params.get("text", "")


class FakeBotApi:
    def __init__(self, flood_limit: int | None = None, token: str = "123456:TEST-token", port: int = 0) -> None:
        self.token = token
        self.flood_limit = flood_limit  # messages per second over all chats; None: unlimited
        self.calls: list[Call] = []
        self.rejected_for_flood = 0
        self.forbidden_chats: set[int] = set()
        # Called with each sending call before it is answered, in the server's thread: a test can make
        # something happen while the bot waits for that answer (another chat pressing a button).
        self.on_send: Callable[[Call], None] | None = None
        self._failures: dict[str, deque[tuple[int, dict[str, Any]]]] = {}
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._recent_sends: deque[float] = deque()
        self._cond = threading.Condition()
        self._server = _QuietServer(("127.0.0.1", port), _handler_for(self))  # port 0: any free one
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-bot-api", daemon=True
        )

    # life cycle

    def start(self) -> FakeBotApi:
        self._thread.start()
        return self

    def stop(self) -> None:
        with self._cond:
            self._cond.notify_all()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeBotApi:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/bot"

    # scripting

    def queue_update(self, update: dict[str, Any]) -> int:
        with self._cond:
            update = {"update_id": next(self._update_ids), **update}
            self._updates.append(update)
            self._cond.notify_all()
            return update["update_id"]

    def fail_next(self, method: str, code: int = 429, times: int = 1, **extra: Any) -> None:
        """The next `times` calls of `method` fail with `code`; for 429 pass `retry_after=`.

        `code=0`: the request is read and recorded, then the connection is dropped without an
        answer, as when a network fails after Telegram got the message."""
        with self._cond:
            self._failures.setdefault(method, deque()).extend([(code, extra)] * times)

    # inspection

    def calls_to(self, method: str, chat_id: int | None = None) -> list[Call]:
        with self._cond:
            return [
                c
                for c in self.calls
                if c.method == method and c.status == 200 and (chat_id is None or c.chat_id == chat_id)
            ]

    async def wait_for(
        self, method: str, count: int = 1, timeout: float = 10.0, chat_id: int | None = None
    ) -> list[Call]:
        """Until `count` successful calls of `method` were recorded; a bounded wait that lets the bot run."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.calls_to(method, chat_id)
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {count} {method} calls, got {len(found)}: {self.calls!r}")
            await asyncio.sleep(0.005)

    # serving

    def _handle(self, method: str, params: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[int, dict]:
        hook = self.on_send
        if hook is not None and method in SENDING:
            hook(Call(method, params, files))
        now = time.monotonic()
        with self._cond:
            call = Call(method, params, files, at=now)
            self.calls.append(call)
            status, body = self._answer(call, now)
            call.status = status
            self._cond.notify_all()
        return status, body

    def _answer(self, call: Call, now: float) -> tuple[int, dict]:
        failures = self._failures.get(call.method)
        if failures:
            code, extra = failures.popleft()
            return code, _error(code, **extra)
        if call.method in SENDING:
            if call.chat_id in self.forbidden_chats:
                return 403, _error(403, description="Forbidden: bot was blocked by the user")
            if len(call.text.encode("utf-16-le")) // 2 > MAX_TEXT:
                return 400, _error(400, description="Bad Request: message is too long")
            if self.flood_limit is not None:
                while self._recent_sends and self._recent_sends[0] <= now - 1.0:
                    self._recent_sends.popleft()
                if len(self._recent_sends) >= self.flood_limit:
                    self.rejected_for_flood += 1
                    return 429, _error(429, retry_after=1)
                self._recent_sends.append(now)
        result = self._result(call)
        return 200, {"ok": True, "result": result}

    def _result(self, call: Call) -> Any:
        method, params = call.method, call.params
        if method == "getMe":
            return {
                "id": BOT_ID,
                "is_bot": True,
                "first_name": "FedBot",
                "username": BOT_USERNAME,
                "can_join_groups": True,
                "can_read_all_group_messages": False,
                "supports_inline_queries": True,
            }
        if method == "getUpdates":
            offset = int(params.get("offset", 0) or 0)
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            if not self._updates:
                self._cond.wait(min(float(params.get("timeout", 0) or 0), 0.2))
            return [u for u in self._updates if u["update_id"] >= offset][:100]
        if method in SENDING or method.startswith("edit"):
            return self._message(call)
        return True

    def _message(self, call: Call) -> dict[str, Any]:
        chat_id = call.chat_id or 0
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group", "title": "g"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "FedBot", "username": BOT_USERNAME},
        }
        if "text" in call.params:
            message["text"] = call.params["text"]
        for filename, content in call.files.values():
            message["document"] = {"file_id": f"f{len(content)}", "file_unique_id": "u", "file_name": filename}
        return message


def free_port() -> int:
    """A port nothing listens on now, to start a server on later (a Bot API that comes up late)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _error(
    code: int, description: str | None = None, retry_after: int | None = None, migrate_to_chat_id: int | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description or f"Error {code}"}
    if code == 429:
        body["description"] = description or f"Too Many Requests: retry after {retry_after or 1}"
        body["parameters"] = {"retry_after": retry_after or 1}
    if migrate_to_chat_id is not None:  # a group that became a supergroup
        body["parameters"] = {"migrate_to_chat_id": migrate_to_chat_id}
    return body


class _QuietServer(ThreadingHTTPServer):
    request_queue_size = 256  # the default backlog of 5 resets connections when the bot fans out

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hung up mid-answer (the bot shutting down) is not news


def _handler_for(api: FakeBotApi) -> Callable[..., BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
            length = int(self.headers.get("Content-Length", 0))
            body = self.rfile.read(length)
            prefix = f"/bot{api.token}/"
            if not self.path.startswith(prefix):
                self._reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})
                return
            params, files = _parse(self.headers.get("Content-Type", ""), body)
            status, answer = api._handle(self.path[len(prefix) :], params, files)
            if status == 0:
                self.close_connection = True
                return
            self._reply(status, answer)

        do_GET = do_POST  # noqa: N815

        def _reply(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


def _parse(content_type: str, body: bytes) -> tuple[dict[str, str], dict[str, tuple[str, bytes]]]:
    if content_type.startswith("multipart/form-data"):
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + body
        )
        params: dict[str, str] = {}
        files: dict[str, tuple[str, bytes]] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True) or b""
            filename = part.get_filename()
            if filename:
                files[name] = (filename, payload)
            else:
                params[name] = payload.decode()
        return params, files
    if not body:
        return {}, {}
    if content_type.startswith("application/json"):
        data = json.loads(body)
        return {k: v if isinstance(v, str) else json.dumps(v) for k, v in data.items()}, {}
    return {k: v[-1] for k, v in parse_qs(body.decode(), keep_blank_values=True).items()}, {}
